import { PEERS } from '../options';
import { median, round } from '../stats';
import { medians, ratios } from '../summary';
import type { ServerKind } from '../load/wire';
import { serverOrder, type Context } from './context';
import { measureFanout, type FanoutMeasurement } from './fanout';

export type CapacityRun = { server: ServerKind; round: number; capacity: number; windows: FanoutMeasurement[] };

export type CapacityResult = {
  steps: number[];
  p99LimitMs: number;
  runs: CapacityRun[];
  summary: Array<{ server: ServerKind; rounds: number; capacity: number }>;
  ratios: { capacity?: number };
  /**
   * The probes' p99 at each step, median of the rounds; NaN where a round had stopped before the step.
   * The pass/fail capacity jumps a whole step on a few milliseconds around the limit; this shows how far
   * each server is from it.
   */
  stepP99: Array<{ observers: number; p99Ms: Partial<Record<ServerKind, number>>; ratio: number }>;
};

/**
 * A window holds when every edit reached every observer, no observer was refused, and p99 stayed in
 * bounds both at the probes (readers connected after the crowd) and across the crowd's observers.
 */
export function held(window: FanoutMeasurement, p99LimitMs: number): boolean {
  return (
    window.deliveredPercent === 100 &&
    window.connectFailures === 0 &&
    window.probe.p99 <= p99LimitMs &&
    !(window.observer.p99 > p99LimitMs)
  );
}

/** Observers added step by step (500 → 1,000 → 2,000 …) until a step fails; capacity is the last that held. */
export async function runCapacity(context: Context): Promise<CapacityResult> {
  const { capacity } = context.options;
  const runs: CapacityRun[] = [];
  for (let round = 1; round <= context.options.rounds; round++) {
    for (const kind of serverOrder(context.options.servers, round - 1)) {
      context.log(`capacity: ramp ${capacity.steps.join(' → ')} observers, round ${round}, ${kind}`);
      const windows = await measureFanout(kind, context, {
        ...capacity,
        observerSteps: capacity.steps,
        stopAboveP99Ms: capacity.p99LimitMs,
      });
      const passing = windows.filter((w) => held(w, capacity.p99LimitMs));
      const firstFailure = windows.findIndex((w) => !held(w, capacity.p99LimitMs));
      const lastHeld = firstFailure === -1 ? passing.at(-1) : windows[firstFailure - 1];
      runs.push({
        server: kind,
        round,
        capacity: lastHeld?.observers ?? 0,
        windows: windows.map(({ sends: _, ...w }) => w),
      });
    }
  }
  const summary = medians(runs, { capacity: (r) => r.capacity });
  return {
    steps: capacity.steps,
    p99LimitMs: capacity.p99LimitMs,
    runs,
    summary,
    ratios: ratios(summary, { capacity: 'higher' }),
    stepP99: capacity.steps.map((observers) => p99AtStep(runs, observers)),
  };
}

function p99AtStep(runs: readonly CapacityRun[], observers: number): CapacityResult['stepP99'][number] {
  const p99Ms: Partial<Record<ServerKind, number>> = {};
  for (const server of new Set(runs.map((r) => r.server))) {
    const measured = runs
      .filter((r) => r.server === server)
      .map((r) => r.windows.find((w) => w.observers === observers)?.probe.p99);
    p99Ms[server] = measured.every((p) => p !== undefined) ? round(median(measured as number[]), 1) : Number.NaN;
  }
  const { concordia } = p99Ms;
  const best = Math.min(...PEERS.flatMap((peer) => p99Ms[peer] ?? []));
  return {
    observers,
    p99Ms,
    ratio: concordia !== undefined && Number.isFinite(best) ? round(concordia / best, 2) : Number.NaN,
  };
}
