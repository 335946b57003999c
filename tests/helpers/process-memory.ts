import { readFileSync, writeFileSync } from 'node:fs';

/**
 * A process's resident memory in MiB, as Linux counts it: what it holds now, and the most it has held
 * since `resetPeak` (the kernel's high-water mark, so no spike between two samples is missed).
 */
export function residentMiB(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** Sets the process's high-water mark back to what it holds now (proc(5): clear_refs, value 5). */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
