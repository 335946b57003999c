/**
 * Runs `run(key)` once calls for that key have paused for `waitMs`, and at the latest `maxWaitMs` after
 * the first call it has not run for yet: a burst of changes to one plan leads to one run, and changes
 * that never pause still lead to one every `maxWaitMs`. With `maxWaitMs` equal to `waitMs`, it runs
 * `waitMs` after the first call of a burst. Its timers never keep the process alive.
 */
export class KeyedDebounce<K> {
  private readonly timers = new Map<K, NodeJS.Timeout>();
  /** When each key's first call not yet run for was made. */
  private readonly since = new Map<K, number>();

  constructor(private readonly options: { waitMs: number; maxWaitMs: number; run: (key: K) => void }) {}

  call(key: K): void {
    clearTimeout(this.timers.get(key));
    const now = Date.now();
    const since = this.since.get(key) ?? now;
    this.since.set(key, since);
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        this.since.delete(key);
        this.options.run(key);
      },
      Math.max(0, Math.min(this.options.waitMs, since + this.options.maxWaitMs - now)),
    );
    timer.unref();
    this.timers.set(key, timer);
  }

  /** Cancels every run still waiting. */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.since.clear();
  }
}
