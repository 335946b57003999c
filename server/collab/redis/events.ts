import type { Logger } from 'pino';
import { z } from 'zod';
import { notifySessionRevoked, onSessionRevoked } from '../../../lib/auth/sessions';
import {
  notifyAmendmentsChanged,
  notifyCommentPosted,
  notifyOverlapsChanged,
  notifyPlanChanged,
  onAmendmentsChanged,
  onCommentPosted,
  onOverlapsChanged,
  onPlanChanged,
} from '../../../lib/plans/plan-events';
import { notifyUsersNotified, onUsersNotified } from '../../../lib/notifications/notification-events';
import { encodeJsonMessage, parseJsonMessage } from './json-message';
import type { RedisBus } from './bus';

export const AUTHORIZATION_CHANNEL = 'authorization';

const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('plan-changed'), planId: z.string().min(1) }),
  z.object({ type: z.literal('session-revoked'), sessionId: z.string().min(1) }),
  z.object({
    type: z.literal('overlaps-changed'),
    planId: z.string().min(1),
    sectionIds: z.array(z.string().min(1)).max(1_000),
  }),
  z.object({ type: z.literal('comment-posted'), sectionId: z.string().min(1), commentId: z.string().min(1) }),
  z.object({ type: z.literal('amendments-changed'), sectionId: z.string().min(1) }),
  z.object({ type: z.literal('users-notified'), userIds: z.array(z.string().min(1)).max(10_000) }),
]);
type AuthorizationEvent = z.infer<typeof eventSchema>;

/**
 * Relays authorization changes (appointments, sections, freezes, phases, sign-outs) made on this
 * instance to the others, and theirs to this process's listeners, so every instance re-decides its own
 * connections; and changed overlaps and new discussion messages, which each instance sends to its own
 * connections, and changed amendments. Pub/sub forgets what it could not deliver: `recheck` runs when Redis is back.
 */
export async function relayAuthorizationEvents(
  bus: RedisBus,
  log: Logger,
  recheck: () => void,
): Promise<{ close(): void }> {
  const publish = (event: AuthorizationEvent) => void bus.publish(AUTHORIZATION_CHANNEL, encodeJsonMessage(event));
  const stops = [
    onPlanChanged((planId, source) => {
      if (source === 'local') publish({ type: 'plan-changed', planId });
    }),
    onSessionRevoked((sessionId, source) => {
      if (source === 'local') publish({ type: 'session-revoked', sessionId });
    }),
    onOverlapsChanged((planId, sectionIds, source) => {
      if (source === 'local') publish({ type: 'overlaps-changed', planId, sectionIds: [...sectionIds] });
    }),
    onCommentPosted((sectionId, commentId, source) => {
      if (source === 'local') publish({ type: 'comment-posted', sectionId, commentId });
    }),
    onAmendmentsChanged((sectionId, source) => {
      if (source === 'local') publish({ type: 'amendments-changed', sectionId });
    }),
    onUsersNotified((userIds, source) => {
      if (source === 'local') publish({ type: 'users-notified', userIds: [...userIds] });
    }),
    bus.onRecovered(recheck),
  ];
  await bus.subscribe(AUTHORIZATION_CHANNEL, (body, from) => {
    const parsed = eventSchema.safeParse(parseJsonMessage(body));
    if (!parsed.success) return log.warn({ from, bytes: body.length }, 'ignored a malformed authorization event');
    const event = parsed.data;
    if (event.type === 'plan-changed') notifyPlanChanged(event.planId, 'remote');
    else if (event.type === 'session-revoked') notifySessionRevoked(event.sessionId, 'remote');
    else if (event.type === 'overlaps-changed') notifyOverlapsChanged(event.planId, event.sectionIds, 'remote');
    else if (event.type === 'amendments-changed') notifyAmendmentsChanged(event.sectionId, 'remote');
    else if (event.type === 'users-notified') notifyUsersNotified(event.userIds, 'remote');
    else notifyCommentPosted(event.sectionId, event.commentId, 'remote');
  });
  return {
    close() {
      for (const stop of stops) stop();
      void bus.unsubscribe(AUTHORIZATION_CHANNEL);
    },
  };
}
