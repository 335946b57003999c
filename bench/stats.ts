/** Summary statistics of latency samples, in milliseconds. */
export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number };

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The value below which `p` percent of the samples fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * A log-bucketed latency histogram (1 % relative error). Observer arrivals run into millions per
 * run (every edit × every observer), too many to keep as raw samples in the load process.
 */
export class Histogram {
  private static readonly FLOOR_MS = 0.01;
  private static readonly GROWTH = Math.log(1.01);
  private readonly buckets = new Map<number, number>();
  private total = 0;
  private maximum = 0;

  add(ms: number): void {
    const value = Math.max(ms, Histogram.FLOOR_MS);
    const index = Math.floor(Math.log(value / Histogram.FLOOR_MS) / Histogram.GROWTH);
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + 1);
    this.total++;
    if (ms > this.maximum) this.maximum = ms;
  }

  get count(): number {
    return this.total;
  }

  percentile(p: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.ceil((p / 100) * this.total);
    let seen = 0;
    for (const index of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(index)!;
      if (seen >= rank) return Math.min(this.maximum, Histogram.FLOOR_MS * Math.exp((index + 1) * Histogram.GROWTH));
    }
    return this.maximum;
  }

  summary(): LatencySummary {
    return {
      count: this.total,
      p50: this.percentile(50),
      p95: this.percentile(95),
      p99: this.percentile(99),
      max: this.total ? this.maximum : Number.NaN,
    };
  }
}

export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
