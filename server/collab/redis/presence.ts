import type { Logger } from 'pino';
import { z } from 'zod';
import type { Presence } from '../../../lib/presence-registry';
import { encodeJsonMessage, parseJsonMessage } from './json-message';
import type { RedisBus } from './bus';

export const PRESENCE_CHANNEL = 'presence';

export type PresenceTiming = {
  /** Each instance repeats what it holds this often, so that a restarted or reconnected one learns it. */
  heartbeatMs: number;
  /** An instance that has said nothing for this long has crashed or lost Redis: its users are gone. */
  ttlMs: number;
  /** Arrivals and departures within this window go out as one message. */
  debounceMs: number;
};

export const PRESENCE_TIMING: PresenceTiming = { heartbeatMs: 10_000, ttlMs: 35_000, debounceMs: 200 };

const messageSchema = z.object({
  rooms: z.record(z.string(), z.array(z.string())),
  /** Sent by an instance that starts or comes back: the others answer with what they hold. */
  ask: z.boolean().optional(),
  /** Sent by an instance that shuts down: its users are gone at once. */
  leaving: z.boolean().optional(),
});
type PresenceMessage = z.infer<typeof messageSchema>;

/**
 * Shares who is connected where with the other instances, so that a plan's page lists everyone in a
 * document whichever instance serves the page. Each instance publishes its whole own presence (small:
 * user ids per room) when it changes and on a heartbeat; what another instance said is believed
 * until it says again or falls silent.
 */
export async function sharePresence(
  bus: RedisBus,
  presence: Presence,
  log: Logger,
  timing = PRESENCE_TIMING,
): Promise<{ close(): Promise<void> }> {
  let pending: NodeJS.Timeout | undefined;
  let ask = false;
  const publish = (extra: Omit<PresenceMessage, 'rooms'> = {}) =>
    bus.publish(PRESENCE_CHANNEL, encodeJsonMessage({ rooms: presence.snapshot(), ...extra }));
  const schedule = (asking = false) => {
    ask ||= asking;
    pending ??= setTimeout(() => {
      pending = undefined;
      void publish(ask ? { ask } : {});
      ask = false;
    }, timing.debounceMs);
  };

  await bus.subscribe(PRESENCE_CHANNEL, (body, from) => {
    const parsed = messageSchema.safeParse(parseJsonMessage(body));
    if (!parsed.success) return log.warn({ from, bytes: body.length }, 'ignored a malformed presence message');
    if (parsed.data.leaving) return presence.forgetRemote(from);
    presence.setRemote(from, parsed.data.rooms, timing.ttlMs);
    if (parsed.data.ask) schedule();
  });
  const stopListening = presence.onChange(() => schedule());
  // Messages may have been lost while Redis was away, in both directions.
  const stopRecovering = bus.onRecovered(() => schedule(true));
  const heartbeat = setInterval(() => void publish(), timing.heartbeatMs);
  heartbeat.unref();
  await publish({ ask: true });

  return {
    async close() {
      clearInterval(heartbeat);
      clearTimeout(pending);
      stopListening();
      stopRecovering();
      await bus.unsubscribe(PRESENCE_CHANNEL);
      await publish({ leaving: true });
      presence.forgetRemote();
    },
  };
}
