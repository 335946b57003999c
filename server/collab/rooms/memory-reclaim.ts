import type { Logger } from 'pino';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Quiet time after the last unload: the rooms of a meeting that ends unload together, and are reclaimed once. */
const RECLAIM_AFTER_MS = 5_000;

type CollectGarbage = () => void;

/**
 * V8's collector, also when the process was started without --expose-gc: the flag, set at run
 * time, exposes `gc` to contexts created afterwards.
 */
function garbageCollector(): CollectGarbage | undefined {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as CollectGarbage) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One full garbage collection once unloads have gone quiet. An idle heap is otherwise collected on
 * V8's own schedule, which may be never: unloaded documents stay in memory as garbage, and the
 * server's memory stays at its peak long after the rooms are gone. A collection here costs one pause
 * while the server is quieter than it has been.
 */
export function memoryReclaimer(log: Logger): { roomUnloaded(): void; close(): void } {
  const collect = garbageCollector();
  if (!collect)
    log.warn('garbage collector not reachable: memory of unloaded rooms is given back on V8’s schedule only');
  let timer: NodeJS.Timeout | undefined;
  return {
    roomUnloaded() {
      if (!collect) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const heapBefore = process.memoryUsage().heapUsed;
        const started = performance.now();
        collect();
        // The heap only: V8 returns the freed pages to the system a moment later.
        const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
        log.info(
          {
            ms: Math.round(performance.now() - started),
            heapMiB: [mib(heapBefore), mib(process.memoryUsage().heapUsed)],
          },
          'memory of unloaded rooms reclaimed',
        );
      }, RECLAIM_AFTER_MS);
      timer.unref();
    },
    close() {
      clearTimeout(timer);
    },
  };
}
