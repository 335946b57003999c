/**
 * A token bucket per connection: `ratePerSecond` messages sustained, `burst` at once (a reconnect's
 * sync, a paste). Hand-written because it runs on every message and must stay synchronous.
 */
export class MessageBudget {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** Takes one message from the budget; false when the client sends faster than allowed. */
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
