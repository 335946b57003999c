import type { ServerKind } from './load/wire';
import { KNOWN_SERVERS, PEERS } from './options';
import { median, round } from './stats';

/** Per-server medians over rounds of the named numeric fields of each run. */
export function medians<R extends { server: ServerKind }, K extends string>(
  runs: readonly R[],
  fields: Record<K, (run: R) => number>,
): Array<{ server: ServerKind; rounds: number } & Record<K, number>> {
  const out: Array<{ server: ServerKind; rounds: number } & Record<K, number>> = [];
  for (const server of KNOWN_SERVERS) {
    const mine = runs.filter((r) => r.server === server);
    if (!mine.length) continue;
    const row = { server, rounds: mine.length } as { server: ServerKind; rounds: number } & Record<K, number>;
    for (const key of Object.keys(fields) as K[]) {
      (row as Record<K, number>)[key] = round(median(mine.map(fields[key]).filter(Number.isFinite)), 2);
    }
    out.push(row);
  }
  return out;
}

/**
 * Concordia's median (or `of`'s) divided by the best peer's, per field: below 1 is better than both
 * peers for "lower is better" fields, above 1 for "higher is better" ones.
 */
export function ratios<K extends string>(
  summary: ReadonlyArray<{ server: ServerKind } & Record<NoInfer<K>, number>>,
  better: Record<K, 'lower' | 'higher'>,
  of: ServerKind = 'concordia',
): Partial<Record<K, number>> {
  const concordia = summary.find((s) => s.server === of);
  const peers = summary.filter((s) => PEERS.includes(s.server));
  const out: Partial<Record<K, number>> = {};
  if (!concordia || !peers.length) return out;
  for (const key of Object.keys(better) as K[]) {
    const values = peers.map((p) => p[key]).filter(Number.isFinite);
    if (!values.length) continue;
    const best = better[key] === 'lower' ? Math.min(...values) : Math.max(...values);
    out[key] = best === 0 ? Number.NaN : round(concordia[key] / best, 2);
  }
  return out;
}
