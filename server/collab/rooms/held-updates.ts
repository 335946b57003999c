import type { Logger } from 'pino';
import { AttributionError } from './attribution';
import type { RoomMember } from './room';

/** How long, and how much, relayed content may wait for its owner before it is given up (and logged). */
const HELD_MAX_AGE_MS = 5 * 60_000;
const HELD_MAX_BYTES = 8 * 1024 * 1024;

type Held = { update: Uint8Array; member: RoomMember; at: number };

/**
 * Updates a room cannot take yet because they carry someone else's content that the server lost (a
 * crash) and a client relays: they wait for their authors to deliver (or announce) it, within a bound
 * of age and bytes, the oldest given up first.
 */
export class HeldUpdates {
  private held: Held[] = [];

  constructor(
    private readonly log: Logger,
    private readonly room: string,
  ) {}

  /** Whether something `member` delivered is waiting. */
  holdsFrom(member: RoomMember): boolean {
    return this.held.some((h) => h.member === member);
  }

  hold(update: Uint8Array, member: RoomMember, reason: string): void {
    this.held.push({ update, member, at: Date.now() });
    let total = this.held.reduce((sum, h) => sum + h.update.length, 0);
    while (total > HELD_MAX_BYTES && this.held.length) total -= this.held.shift()!.update.length;
    this.log.info({ room: this.room, userId: member.userId, reason }, 'holding an update until its author reconnects');
  }

  /**
   * Offers every held update to `integrate` again until none goes in: one taken may unblock another.
   * An update still waiting for its author is kept unless too old; any other refusal gives it up.
   */
  retry(integrate: (update: Uint8Array, member: RoomMember) => void): void {
    for (let progress = true; progress && this.held.length;) {
      progress = false;
      for (const entry of this.held.splice(0)) {
        try {
          integrate(entry.update, entry.member);
          progress = true;
        } catch (error) {
          if (error instanceof AttributionError && error.retryable && Date.now() - entry.at < HELD_MAX_AGE_MS)
            this.held.push(entry);
          else
            this.log.warn(
              { room: this.room, userId: entry.member.userId, reason: (error as Error).message },
              'gave up a held update',
            );
        }
      }
    }
  }
}
