const KEY = Symbol.for('concordia.overlapQueues');

/**
 * Runs the overlap work of one plan (analysis, resolutions) one job at a time in this process, so a
 * resolution never interleaves with an analysis reading the same passages. On globalThis because Next
 * bundles its own copy of lib/. Other instances are not kept out: a resolution claims its overlap in the
 * database first (resolve-overlap.ts), and an analysis writes only over the status it read (refresh-overlaps.ts).
 */
export function inPlanQueue<T>(planId: string, job: () => Promise<T>): Promise<T> {
  const holder = globalThis as { [KEY]?: Map<string, Promise<unknown>> };
  const queues = (holder[KEY] ??= new Map());
  const previous = queues.get(planId) ?? Promise.resolve();
  const run = previous.then(job, job);
  const settled = run.catch(() => {});
  queues.set(planId, settled);
  void settled.then(() => {
    if (queues.get(planId) === settled) queues.delete(planId);
  });
  return run;
}
