import type { FanoutSize } from '../options';
import { ratios, medians } from '../summary';
import type { Context } from './context';
import { serverOrder } from './context';
import { measureFanout, type FanoutMeasurement } from './fanout';

export type FanoutRunRecord = FanoutMeasurement & { round: number };

const FIELDS = {
  p50: (r: FanoutRunRecord) => r.probe.p50,
  p95: (r: FanoutRunRecord) => r.probe.p95,
  p99: (r: FanoutRunRecord) => r.probe.p99,
  max: (r: FanoutRunRecord) => r.probe.max,
  observerP99: (r: FanoutRunRecord) => r.observer.p99,
  deliveredPercent: (r: FanoutRunRecord) => r.deliveredPercent,
  editsPerSecond: (r: FanoutRunRecord) => r.editsPerSecond,
  serverCpuPercent: (r: FanoutRunRecord) => r.serverCpuPercent,
  databaseCpuPercent: (r: FanoutRunRecord) => r.databaseCpuPercent,
  serverPeakRssMiB: (r: FanoutRunRecord) => r.serverPeakRssMiB,
  serverIdleRssMiB: (r: FanoutRunRecord) => r.serverIdleRssMiB,
  serverConnectPeakRssMiB: (r: FanoutRunRecord) => r.serverConnectPeakRssMiB,
  loadCpuPercent: (r: FanoutRunRecord) => r.loadCpuPercent,
  connectMs: (r: FanoutRunRecord) => r.connectMs,
  otherCpuPercent: (r: FanoutRunRecord) => r.otherCpuPercent,
};

const BETTER = {
  p50: 'lower',
  p95: 'lower',
  p99: 'lower',
  max: 'lower',
  observerP99: 'lower',
  serverCpuPercent: 'lower',
  serverPeakRssMiB: 'lower',
  serverConnectPeakRssMiB: 'lower',
  serverIdleRssMiB: 'lower',
  connectMs: 'lower',
} as const;

export type FanoutGroup = {
  observers: number;
  editors: number;
  runs: FanoutRunRecord[];
  summary: ReturnType<typeof medians<FanoutRunRecord, keyof typeof FIELDS>>;
  ratios: ReturnType<typeof ratios<keyof typeof BETTER>>;
  /** The bare relay's figures over the best peer's: how far below the peers this machine lets any server go. */
  relayRatios?: ReturnType<typeof ratios<keyof typeof BETTER>>;
};

/**
 * Editors typing while read-only observers follow: one group per observer count, every server
 * once per round, a fresh server and load process for each measurement.
 */
export async function runFanoutScenario(
  name: string,
  context: Context,
  size: FanoutSize & { observerPresence?: boolean },
  observerCounts: readonly number[],
): Promise<FanoutGroup[]> {
  const groups: FanoutGroup[] = [];
  for (const observers of observerCounts) {
    const runs: FanoutRunRecord[] = [];
    for (let round = 1; round <= context.options.rounds; round++) {
      for (const kind of serverOrder(context.options.servers, round - 1)) {
        context.log(`${name}: ${size.editors} editors, ${observers} observers, round ${round}, ${kind}`);
        const [window] = await measureFanout(kind, context, { ...size, observerSteps: [observers] });
        if (!window) throw new Error(`${kind} produced no measurement window`);
        runs.push({ ...window, round });
      }
    }
    const summary = medians(runs, FIELDS);
    const relayRatios = summary.some((s) => s.server === 'relay') ? ratios(summary, BETTER, 'relay') : undefined;
    groups.push({
      observers,
      editors: size.editors,
      runs,
      summary,
      ratios: ratios(summary, BETTER),
      ...(relayRatios && { relayRatios }),
    });
  }
  return groups;
}
