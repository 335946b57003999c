import { round } from '../stats';
import { Editor, Probe, whenSynced } from './clients';
import { CrowdProcess } from './crowd-process';
import { Ledger } from './ledger';
import type { FanoutJob, FanoutWindow } from './protocol';
import type { Target } from './wire';
import { sleep, until } from './wait';

export type Mark = (mark: 'window-start' | 'window-end' | 'loaded', step: number) => Promise<void>;

export async function runFanout(job: FanoutJob, mark: Mark): Promise<FanoutWindow[]> {
  const { target } = job;
  const watched = target.observerUrl ? { ...target, providerUrl: target.observerUrl } : target;
  const rooms = roomsOf(job, watched);
  const editors = rooms.flatMap((room) => room.editors);
  const probes = rooms.flatMap((room) => room.probes);
  // The observers read their frames in a process of their own (crowd.ts), so the probes here wait for
  // no observer's frame: the probes' latency is the server's, not this process's queue.
  const crowd = CrowdProcess.start();
  let crowdSize = 0;
  const windows: FanoutWindow[] = [];
  try {
    await Promise.all([...editors, ...probes].map((c) => whenSynced(c.provider, job.connectTimeoutMs)));
    editors.forEach((e) => e.startParagraph());
    for (const [step, count] of job.observerSteps.entries()) {
      const connected = await crowd.connect({
        target: watched,
        count: count - crowdSize,
        presence: job.observerPresence ?? false,
        timeoutMs: job.connectTimeoutMs,
        ...(job.sections && { rooms: job.sections.map((s) => s.room) }),
        ...(job.planPageRoom && { planPageRoom: job.planPageRoom }),
      });
      crowdSize = connected.observers;
      await Promise.all(probes.map((p) => p.reconnect(job.connectTimeoutMs)));

      // Keystrokes count once the window has its ledger.
      const counting: { ledger?: Ledger } = {};
      const typing = startTyping(editors, job.keysPerSecond, () => counting.ledger);
      await sleep(job.warmupMs);
      await mark('window-start', step);
      const window = new Ledger(probes.length);
      for (const room of rooms) room.editors.forEach((e) => window.track(e.doc, room.receivers));
      await crowd.windowStart();
      probes.forEach((p) => (p.ledger = window));
      if (job.sections) editors.forEach((e) => (e.ledger = window));
      counting.ledger = window;
      const cpu = process.cpuUsage();
      const started = performance.now();
      await sleep(job.measureMs);
      typing.stop();
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      await mark('window-end', step);
      const drainStarted = performance.now();
      await until(() => window.allDelivered(), job.drainMs);
      const sends = window
        .sends()
        .map(([client, clock, at]): [number, number, number] => [client, clock, performance.timeOrigin + at]);
      const observed = await crowd.windowEnd({
        bases: window.bases(),
        sends,
        drainMs: Math.max(0, job.drainMs - (performance.now() - drainStarted)),
        ...(job.sections && {
          roomOf: rooms.flatMap((room) => room.editors.map((e): [number, string] => [e.doc.clientID, room.room])),
        }),
      });
      const result = window.result();
      [...probes, ...editors].forEach((p) => (p.ledger = undefined));
      const missed = new Set([...window.undelivered(), ...observed.undelivered].map(([c, k]) => `${c}:${k}`));
      const delivered = result.edits - missed.size;
      windows.push({
        observers: crowdSize,
        connectMs: round(connected.ms, 0),
        connectFailures: connected.failures,
        observersClosed: observed.observersClosed,
        edits: result.edits,
        editsPerSecond: round(result.edits / seconds),
        deliveredPercent: result.edits ? round((100 * delivered) / result.edits, 2) : 0,
        probe: result.probe,
        observer: observed.observer,
        writer: result.writer,
        ...(observed.planPages && { planPages: observed.planPages }),
        loadCpuPercent: round(((used.user + used.system) / 1e6 / seconds) * 100 + observed.cpuPercent),
        ...(job.reportSends && { sends }),
      });
      const held =
        delivered === result.edits &&
        connected.failures === 0 &&
        result.probe.p99 <= (job.stopAboveP99Ms ?? Infinity) &&
        !(observed.observer.p99 > (job.stopAboveP99Ms ?? Infinity));
      if (!held) break;
    }
  } finally {
    await crowd.stop();
    [...editors, ...probes].forEach((c) => c.destroy());
  }
  return windows;
}

type RoomClients = { room: string; editors: Editor[]; probes: Probe[]; receivers: number };

/**
 * Who is in which room: everyone in target.room, or (the plenary) each section's writers, who read
 * one another, and its own probes; probes connect to `watched` (another instance, with two).
 * `receivers`: the load process's receivers of a room's edits.
 */
function roomsOf(job: FanoutJob, watched: Target): RoomClients[] {
  const { target } = job;
  if (!job.sections) {
    const cookies = target.writerCookies;
    return [
      {
        room: target.room,
        editors: Array.from(
          { length: job.editors },
          (_, i) => new Editor(target, cookies[i % Math.max(cookies.length, 1)], `editor ${i}`),
        ),
        probes: Array.from({ length: job.probes }, () => new Probe(watched, target.observerCookie)),
        receivers: job.probes,
      },
    ];
  }
  return job.sections.map(({ room, writerCookies }, s) => ({
    room,
    editors: writerCookies.map((cookie, i) => new Editor({ ...target, room }, cookie, `writer ${s}.${i}`, true)),
    probes: Array.from({ length: job.probes }, () => new Probe({ ...watched, room }, target.observerCookie)),
    receivers: writerCookies.length - 1 + job.probes,
  }));
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
