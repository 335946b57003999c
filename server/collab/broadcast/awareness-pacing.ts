/**
 * When a room's pending awareness may go out. Every browser renews its state every 15 s and every caret
 * moves with each keystroke, so with a thousand people following a room, relaying each at once would
 * take tens of thousands of socket writes a second. Real changes (a caret moved, someone came or left)
 * go out at most every 50 ms, or every 0.25 ms per member in a large room (about 4,000 writes a
 * second); renewals alone, a state sent again unchanged, wait up to RENEWAL_INTERVAL_MS or ride along
 * with the next change: clients drop a state not renewed for 30 s, and a renewal arrives within 20.
 */
export class AwarenessPacing {
  private changed = false;
  private nextChangeAt = 0;
  private nextRenewalAt = 0;

  /** Something is pending: a real change, or only a renewal. */
  note(change: boolean): void {
    if (change) this.changed = true;
  }

  /** Milliseconds until what is pending may be sent (0: now). */
  wait(now: number): number {
    const due = this.changed ? this.nextChangeAt : Math.max(this.nextChangeAt, this.nextRenewalAt);
    return Math.max(0, due - now);
  }

  sent(now: number, members: number): void {
    this.changed = false;
    this.nextChangeAt = now + Math.max(MIN_INTERVAL_MS, members * MS_PER_MEMBER);
    this.nextRenewalAt = now + RENEWAL_INTERVAL_MS;
  }
}

const MIN_INTERVAL_MS = 50;
const MS_PER_MEMBER = 0.25;
const RENEWAL_INTERVAL_MS = 5_000;
