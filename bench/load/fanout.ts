import { round } from '../stats';
import { Editor, Probe, whenSynced } from './clients';
import { Ledger, UpdateMetaCache } from './ledger';
import { RawObserver, type UpdateSink } from './observer';
import type { FanoutJob, FanoutWindow } from './protocol';
import { sleep, until } from './wait';

export type Mark = (mark: 'window-start' | 'window-end' | 'loaded', step: number) => Promise<void>;

/** Sockets opening at once; more overflows accept queues and measures the SYN backlog, not the server. */
const CONNECT_CONCURRENCY = 64;
/** Below a provider's 30-second silence limit and Hocuspocus's 60-second one; also y-protocols' awareness renewal. */
const KEEPALIVE_MS = 15_000;
/** Observers with presence renew in turns, this often a slice of them, so renewals are spread as in a real room. */
const PRESENCE_TICK_MS = 100;

export async function runFanout(job: FanoutJob, mark: Mark): Promise<FanoutWindow[]> {
  const { target } = job;
  const cache = new UpdateMetaCache();
  let ledger: Ledger | undefined;
  const sink: UpdateSink = (receiver, update, at) => {
    if (!ledger) return;
    for (const [client, to] of cache.ends(update)) ledger.arrive(receiver, client, to, at);
  };

  const cookies = target.writerCookies;
  const watched = target.observerUrl ? { ...target, providerUrl: target.observerUrl } : target;
  const editors = Array.from(
    { length: job.editors },
    (_, i) => new Editor(target, cookies[i % Math.max(cookies.length, 1)], `editor ${i}`),
  );
  const probes = Array.from({ length: job.probes }, () => new Probe(watched, target.observerCookie));
  const observers: RawObserver[] = [];
  const keepAlive = job.observerPresence
    ? renewInTurns(observers)
    : setInterval(() => observers.forEach((o) => o.keepAlive()), KEEPALIVE_MS);
  const windows: FanoutWindow[] = [];
  try {
    await Promise.all([...editors, ...probes].map((c) => whenSynced(c.provider, job.connectTimeoutMs)));
    editors.forEach((e) => e.startParagraph());
    for (const [step, count] of job.observerSteps.entries()) {
      const connectStarted = performance.now();
      const connectFailures = await connectObservers(
        observers,
        count - observers.length,
        () => new RawObserver(watched, sink, job.observerPresence),
        job.connectTimeoutMs,
      );
      const connectMs = performance.now() - connectStarted;
      await Promise.all(probes.map((p) => p.reconnect(job.connectTimeoutMs)));

      const typing = startTyping(editors, job.keysPerSecond, () => ledger);
      await sleep(job.warmupMs);
      await mark('window-start', step);
      const window = new Ledger(observers.length + probes.length);
      editors.forEach((e) => window.track(e.doc));
      probes.forEach((p) => (p.ledger = window));
      ledger = window;
      const cpu = process.cpuUsage();
      const started = performance.now();
      await sleep(job.measureMs);
      typing.stop();
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      await mark('window-end', step);
      await until(() => window.allDelivered(), job.drainMs);
      const result = window.result();
      ledger = undefined;
      windows.push({
        observers: observers.length,
        connectMs: round(connectMs, 0),
        connectFailures,
        observersClosed: observers.filter((o) => o.closed).length,
        edits: result.edits,
        editsPerSecond: round(result.edits / seconds),
        deliveredPercent: result.edits ? round((100 * result.delivered) / result.edits, 2) : 0,
        probe: result.probe,
        observer: result.observer,
        loadCpuPercent: round(((used.user + used.system) / 1e6 / seconds) * 100),
        ...(job.reportSends && { sends: window.sends().map(([c, k, at]) => [c, k, performance.timeOrigin + at]) }),
      });
      const held =
        result.delivered === result.edits &&
        connectFailures === 0 &&
        result.probe.p99 <= (job.stopAboveP99Ms ?? Infinity);
      if (!held) break;
    }
  } finally {
    clearInterval(keepAlive);
    observers.forEach((o) => o.close());
    [...editors, ...probes].forEach((c) => c.destroy());
  }
  return windows;
}

/** Renews each observer's presence every KEEPALIVE_MS, a slice of them every PRESENCE_TICK_MS. */
function renewInTurns(observers: readonly RawObserver[]): NodeJS.Timeout {
  const slices = KEEPALIVE_MS / PRESENCE_TICK_MS;
  let tick = 0;
  return setInterval(() => {
    const slice = tick++ % slices;
    for (let i = slice; i < observers.length; i += slices) observers[i]!.renewPresence();
  }, PRESENCE_TICK_MS);
}

/** Opens `count` more observers, a bounded number at a time; returns how many failed. */
async function connectObservers(
  into: RawObserver[],
  count: number,
  create: () => RawObserver,
  timeoutMs: number,
): Promise<number> {
  let started = 0;
  let failures = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      const observer = create();
      try {
        await observer.connect(timeoutMs);
        into.push(observer);
      } catch {
        failures++;
        observer.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, Math.max(count, 0)) }, worker));
  return failures;
}

/**
 * Each editor types on its own timer, started at a random phase so keystrokes are spread over
 * time as with people, not fired in lockstep; high rates type several keys per 10 ms tick.
 */
function startTyping(editors: Editor[], keysPerSecond: number, ledger: () => Ledger | undefined): { stop(): void } {
  const intervalMs = Math.max(10, 1000 / keysPerSecond);
  const keysPerTick = (keysPerSecond * intervalMs) / 1000;
  const timers: NodeJS.Timeout[] = [];
  for (const editor of editors) {
    let credit = 0;
    const tick = () => {
      credit += keysPerTick;
      for (; credit >= 1; credit--) editor.type(ledger());
    };
    timers.push(setTimeout(() => timers.push(setInterval(tick, intervalMs)), Math.random() * intervalMs));
  }
  return { stop: () => timers.forEach((t) => clearTimeout(t)) };
}
