import type { PlenaryOptions } from '../options';
import { ProcessSampler, type Usage } from '../proc';
import type { ConcordiaCall, ConcordiaReply, PlenaryMark } from '../servers/concordia-ipc';
import { sessionCookie, type ServerHandle } from '../servers/launch';
import type { AnalysisCount } from '../servers/count-analyses';
import { round } from '../stats';
import { withServer, type Context } from './context';
import { fanoutOn } from './fanout';
import { onPair } from './two-instances';

export type PlenaryWindow = {
  /** One instance for everyone, or writers on one and probes and observers on another (Redis between). */
  setup: 'one' | 'two';
  observers: number;
  connectMs: number;
  connectFailures: number;
  observersClosed: number;
  edits: number;
  editsPerSecond: number;
  deliveredPercent: number;
  /** A writer's keystroke → the other writer of its section. */
  writer: { p50: number; p99: number; max: number; count: number };
  /** A writer's keystroke → the section's probe on an observer account (across instances with two). */
  observerProbe: { p50: number; p99: number; max: number; count: number };
  /** The same at every observer of the crowd (includes the crowd process's own queue). */
  crowd: { p50: number; p99: number; max: number };
  /** Plan pages open, those sent the plan's activity in the window, its messages and their bytes (all pages). */
  planPages: { open: number; reached: number; messages: number; bytes: number } | null;
  serverCpuPercent: number;
  /** The second instance, with two. */
  secondServerCpuPercent: number | null;
  secondServerRssMiB: number | null;
  databaseCpuPercent: number;
  serverIdleRssMiB: number;
  serverRssMiB: number;
  serverPeakRssMiB: number;
  serverConnectPeakRssMiB: number;
  /** Rows the update log gained during the window, per second (both instances' with two). */
  rowsPerSecond: number;
  /**
   * Overlap analyses the server (the first instance) ran by itself during the window, and whether one
   * was under way when it started (an analysis from cold outlasts a window on a busy machine).
   */
  analyses: { started: number; completed: number; underWayAtStart: boolean; crossLanguage: boolean | null } | null;
  loadCpuPercent: number;
  otherCpuPercent: number;
};

export type PlenaryResult = {
  sections: number;
  /** Words of the plan's text, all sections together. */
  words: number;
  writers: number;
  keysPerSecond: number;
  windows: PlenaryWindow[];
  /** Observer-probe p99 across two instances over one instance, at the same number of observers. */
  crossOverSingleP99: number | null;
  twoInstancesSkipped?: string;
};

/**
 * Concordia only, the plenary of a plan (no peer has plans): every section's lead and co-editor type at
 * once, observers (one account each) keep the plan page and one section open, the server analyses the
 * overlaps by itself as they type; one window per observer step on one server, then the first step
 * again on two instances sharing rooms through Redis.
 */
export async function runPlenary(context: Context): Promise<PlenaryResult> {
  const size = context.options.plenary;
  const { databaseUrl, redisUrl } = context.options;
  let shape = { sections: 0, words: 0, writers: 0 };
  const windows: PlenaryWindow[] = [];
  await withServer('concordia', context, async (server) => {
    const measured = await plenaryOn(server, context, size, size.observers, 'one');
    shape = measured.shape;
    windows.push(...measured.windows);
  });
  let twoInstancesSkipped: string | undefined;
  if (!size.twoInstances) twoInstancesSkipped = 'not asked for';
  else if (!databaseUrl || !redisUrl)
    twoInstancesSkipped = 'needs DATABASE_URL (both instances on one database) and REDIS_URL';
  else {
    const first = size.observers.slice(0, 1);
    const measured = await onPair(context, redisUrl, (pair) => plenaryOn(pair, context, size, first, 'two'));
    windows.push(...measured.windows);
  }
  const single = windows.find((w) => w.setup === 'one' && w.observers === size.observers[0]);
  const cross = windows.find((w) => w.setup === 'two');
  return {
    ...shape,
    keysPerSecond: size.keysPerSecond,
    windows,
    crossOverSingleP99: single && cross ? round(cross.observerProbe.p99 / single.observerProbe.p99) : null,
    ...(twoInstancesSkipped && { twoInstancesSkipped }),
  };
}

async function plenaryOn(
  server: ServerHandle,
  context: Context,
  size: PlenaryOptions,
  observerSteps: number[],
  setup: PlenaryWindow['setup'],
): Promise<{ shape: { sections: number; words: number; writers: number }; windows: PlenaryWindow[] }> {
  const ask = async (call: ConcordiaCall): Promise<Extract<ConcordiaReply, { ok: true }>> => {
    const reply = await server.request(call);
    if (!reply.ok) throw new Error(`the plenary's preparation failed: ${reply.error}`);
    return reply;
  };
  const observers = Math.max(...observerSteps);
  context.log(`plenary: ${size.sections} sections × ${size.words} words, ${observers} observer accounts (${setup})`);
  const { plenary } = await ask({
    type: 'plenary-prepare',
    size: { sections: size.sections, words: size.words },
    observers,
  });
  if (!plenary) throw new Error('the server prepared no plenary');
  const cookie = (userId: string) => sessionCookie(userId, context.secret);
  const sections = await Promise.all(
    plenary.sections.map(async ({ room, writers }) => ({
      room,
      writerCookies: await Promise.all(writers.map(cookie)),
    })),
  );
  const crowdCookies = await Promise.all(plenary.crowd.map(cookie));
  const writers = sections.reduce((n, s) => n + s.writerCookies.length, 0);
  context.log(
    `plenary: ${writers} writers at ${size.keysPerSecond} keys/s each, observers ${observerSteps.join(' then ')} (${setup === 'one' ? 'one instance' : 'writers on one instance, the rest on another'})`,
  );

  const extras: Array<{
    database: Usage;
    second: Usage | null;
    rowsPerSecond: number;
    analyses: PlenaryWindow['analyses'];
  }> = [];
  let started: { at: number; mark: PlenaryMark; database: ProcessSampler; second: ProcessSampler | null } | undefined;
  const measured = await fanoutOn(
    server,
    context,
    {
      editors: writers,
      keysPerSecond: size.keysPerSecond,
      probes: size.probes,
      warmupMs: size.warmupMs,
      measureMs: size.measureMs,
      drainMs: size.drainMs,
      observerSteps,
      rooms: { sections, planPageRoom: plenary.goalRoom, crowdCookies },
    },
    async (mark) => {
      if (mark === 'window-start') {
        const database = new ProcessSampler(server.pid, () => server.databasePids());
        const second = server.secondPid === undefined ? null : new ProcessSampler(server.secondPid);
        const { mark: at } = await ask({ type: 'plenary-mark' });
        database.start();
        second?.start();
        started = { at: performance.now(), mark: at!, database, second };
        return;
      }
      if (!started) return;
      const seconds = (performance.now() - started.at) / 1000;
      const database = started.database.stop();
      const second = started.second?.stop() ?? null;
      const { mark: ended } = await ask({ type: 'plenary-mark' });
      extras.push({
        database,
        second,
        rowsPerSecond: round((ended!.lastUpdateId - started.mark.lastUpdateId) / seconds),
        analyses: analysesBetween(started.mark.analyses, ended!.analyses),
      });
      started = undefined;
    },
  );
  return {
    shape: { sections: sections.length, words: plenary.words, writers },
    windows: measured.map((w, i) => {
      const extra = extras[i];
      return {
        setup,
        observers: w.observers,
        connectMs: w.connectMs,
        connectFailures: w.connectFailures,
        observersClosed: w.observersClosed,
        edits: w.edits,
        editsPerSecond: w.editsPerSecond,
        deliveredPercent: w.deliveredPercent,
        writer: latency(w.writer),
        observerProbe: latency(w.probe),
        crowd: { p50: round(w.observer.p50), p99: round(w.observer.p99), max: round(w.observer.max) },
        planPages: w.planPages ?? null,
        serverCpuPercent: w.serverCpuPercent,
        secondServerCpuPercent: extra?.second ? round(extra.second.cpuPercent) : null,
        secondServerRssMiB: extra?.second ? round(extra.second.rssMiB) : null,
        databaseCpuPercent: round(extra?.database.helperCpuPercent ?? Number.NaN),
        serverIdleRssMiB: w.serverIdleRssMiB,
        serverRssMiB: w.serverRssMiB,
        serverPeakRssMiB: w.serverPeakRssMiB,
        serverConnectPeakRssMiB: w.serverConnectPeakRssMiB,
        rowsPerSecond: extra?.rowsPerSecond ?? Number.NaN,
        analyses: extra?.analyses ?? null,
        loadCpuPercent: w.loadCpuPercent,
        otherCpuPercent: w.otherCpuPercent,
      };
    }),
  };
}

function latency(s: { p50: number; p99: number; max: number; count: number }): PlenaryWindow['writer'] {
  return { p50: round(s.p50), p99: round(s.p99), max: round(s.max), count: s.count };
}

function analysesBetween(from: AnalysisCount | null, to: AnalysisCount | null): PlenaryWindow['analyses'] {
  if (!from || !to) return null;
  return {
    started: to.started - from.started,
    completed: to.completed - from.completed,
    underWayAtStart: from.started > from.completed,
    crossLanguage: to.crossLanguage,
  };
}
