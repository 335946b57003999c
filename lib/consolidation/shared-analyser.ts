import type { CurrentOverlaps } from './plan-index';

/** Where a plan's overlaps are computed: the server's overlap thread (overlap-thread.ts). */
export type PlanAnalyser = {
  currentOverlaps(planId: string, sections: ReadonlyMap<string, readonly string[]>): Promise<CurrentOverlaps>;
};

const KEY = Symbol.for('concordia.planAnalyser');

type Holder = { [KEY]?: PlanAnalyser | null };

/**
 * The process's overlap thread, set by the server at start. Shared through globalThis because Next
 * bundles its own copy of lib/ and "Analyse now" must reach the same thread and indexes.
 */
export function setSharedAnalyser(analyser: PlanAnalyser | null): void {
  (globalThis as Holder)[KEY] = analyser;
}

/** The process's overlap thread; null where none was set up (a script, a test without a server). */
export function sharedAnalyser(): PlanAnalyser | null {
  return (globalThis as Holder)[KEY] ?? null;
}
