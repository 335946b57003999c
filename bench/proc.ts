import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ); 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces and parentheses; fields are counted after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / TICKS_PER_SECOND;
}

/**
 * Processes whose command line mentions `text`: Postgres names each backend after its database
 * ("postgres: 15/main: postgres concordia_bench_… idle"), so a server's database work can be counted.
 */
export function pidsMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function cpuSecondsOrZero(pid: number): number {
  try {
    return cpuSeconds(pid);
  } catch {
    return 0;
  }
}

/**
 * The most resident memory the process has held since `resetPeakRss` (the kernel's high-water mark,
 * VmHWM), so no spike between two samples is missed.
 */
export function peakRssMiB(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Sets the process's high-water mark back to what it holds now (proc(5): clear_refs, value 5). */
export function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** Resident set size in MiB, from /proc/<pid>/status. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * CPU seconds all processes of the machine spent in user and system mode, from /proc/stat.
 * Interrupt time is left out: loopback traffic of the bench itself is processed there.
 */
export function machineCpuSeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const [user = 0, nice = 0, system = 0] = line.trim().split(/\s+/).slice(1, 4).map(Number);
  return (user + nice + system) / TICKS_PER_SECOND;
}

export type Usage = {
  cpuPercent: number;
  rssMiB: number;
  peakRssMiB: number;
  /** The server's helper processes (its Postgres backends), % of one core. */
  helperCpuPercent: number;
  /** Every process on the machine, % of one core: shows when something else competed for the cores. */
  machineCpuPercent: number;
};

/**
 * Samples one server process during a measurement window: CPU from the difference of two
 * readings, RSS every `intervalMs` so the peak is seen and not only the end.
 */
export class ProcessSampler {
  private startCpu = 0;
  private startMachine = 0;
  private startHelpers = new Map<number, number>();
  private startedAt = 0;
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pid: number,
    private readonly helpers: () => number[] = () => [],
    private readonly intervalMs = 250,
  ) {}

  start(): void {
    this.startCpu = cpuSeconds(this.pid);
    this.startMachine = machineCpuSeconds();
    this.startHelpers = new Map(this.helpers().map((pid) => [pid, cpuSecondsOrZero(pid)]));
    this.startedAt = performance.now();
    this.peak = rssMiB(this.pid);
    this.timer = setInterval(() => {
      try {
        this.peak = Math.max(this.peak, rssMiB(this.pid));
      } catch {
        this.stopTimer();
      }
    }, this.intervalMs);
  }

  stop(): Usage {
    this.stopTimer();
    const seconds = (performance.now() - this.startedAt) / 1000;
    const rss = rssMiB(this.pid);
    // A backend that started during the window counts from zero; one that ended is lost (rare: pooled).
    const helperSeconds = this.helpers().reduce(
      (sum, pid) => sum + cpuSecondsOrZero(pid) - (this.startHelpers.get(pid) ?? 0),
      0,
    );
    return {
      helperCpuPercent: (helperSeconds / seconds) * 100,
      cpuPercent: ((cpuSeconds(this.pid) - this.startCpu) / seconds) * 100,
      rssMiB: rss,
      peakRssMiB: Math.max(this.peak, rss),
      machineCpuPercent: ((machineCpuSeconds() - this.startMachine) / seconds) * 100,
    };
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/**
 * Waits (up to `maxWaitMs`) until the rest of the machine is idle: on a shared 2-core machine a
 * compile or a test run elsewhere would be measured as the server's latency. Returns the time waited.
 */
export async function waitForQuietMachine(maxWaitMs: number, busyPercent: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < maxWaitMs) {
    const machine = machineCpuSeconds();
    const self = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const own = process.cpuUsage(self);
    const others = (machineCpuSeconds() - machine - (own.user + own.system) / 1e6) * 100;
    if (others < busyPercent) break;
  }
  return performance.now() - started;
}
