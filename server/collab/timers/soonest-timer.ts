/**
 * One timer that fires at the soonest time it was asked for: asking for a later time while it is set
 * changes nothing, asking for a sooner one moves it. For work that several reasons may call for at
 * different times (a write due in 100 ms, a recount due in seconds) and that runs once for all of them.
 */
export class SoonestTimer {
  private timer: NodeJS.Timeout | undefined;
  private dueAt = 0;

  constructor(
    private readonly fire: () => void,
    /** The clock `delay`s are measured on (Date.now, performance.now). */
    private readonly now: () => number,
  ) {}

  /** Fires `delay` ms from now, unless it is already set to fire no later than that. */
  setIn(delay: number): void {
    const at = this.now() + delay;
    if (this.timer && this.dueAt <= at) return;
    clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fire();
    }, delay);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
