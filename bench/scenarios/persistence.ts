import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeFrames } from '../frames';
import { sleep } from '../load/wait';
import type { FanoutSize } from '../options';
import type { CompactionReport, VisibleRow } from '../servers/concordia-ipc';
import type { ServerHandle } from '../servers/launch';
import { Histogram, median, round, type LatencySummary } from '../stats';
import { readTrace, replayTrace } from '../trace';
import { withServer, type Context } from './context';
import { fanoutOn, type FanoutPlan } from './fanout';

export type DurabilityRun = {
  round: number;
  writers: number;
  offeredPerSecond: number;
  /** Updates that reached the update log, per second from the first send to the last row. */
  durablePerSecond: number;
  durablePercent: number;
  rows: number;
  /** Send → the row holding the update is visible to a query. */
  visible: LatencySummary;
  serverCpuPercent: number;
};

export type PersistenceResult = {
  flush: DurabilityRun[];
  throughput: DurabilityRun[];
  compaction: Array<CompactionReport & { round: number }>;
  summary: {
    flushP99Ms: number;
    flushP50Ms: number;
    sustainedPerSecond: number;
    throughputP99Ms: number;
    compactionRows: number;
    compactMs: number;
    compactLoopBlockedMs: number;
    loadBeforeCompactionMs: number;
    loadLoopBlockedMs: number;
    loadAfterCompactionMs: number;
  };
};

/** Concordia only: how fast accepted updates become durable, and what compacting a long log costs. */
export async function runPersistence(context: Context, workDir: string): Promise<PersistenceResult> {
  const { persistence, rounds } = context.options;
  const rows = persistence.compactionRows;
  const replay = replayTrace(readTrace(context.options.tracePath), { limit: rows - 1, keepTxnUpdates: rows });
  const logFile = path.join(workDir, 'trace-log.bin');
  writeFileSync(logFile, writeFrames(replay.txnUpdates));

  const result: PersistenceResult = {
    flush: [],
    throughput: [],
    compaction: [],
    summary: {} as PersistenceResult['summary'],
  };
  for (let round = 1; round <= rounds; round++) {
    await withServer('concordia', context, async (server) => {
      context.log(
        `persistence: flush latency, ${persistence.flush.editors} editors at ${persistence.flush.keysPerSecond} keys/s, round ${round}`,
      );
      result.flush.push({ round, ...(await durability(server, context, persistence.flush)) });
      const t = persistence.throughput;
      context.log(
        `persistence: sustained writes, ${t.editors} writers at ${t.keysPerSecond} updates/s, round ${round}`,
      );
      result.throughput.push({ round, ...(await durability(server, context, t)) });
      context.log(`persistence: compaction of a ${rows}-row log, round ${round}`);
      const reply = await server.request({
        type: 'compaction',
        room: server.target('log').room,
        logFile,
        expectedText: replay.expected,
      });
      if (!reply.ok || !reply.compaction) throw new Error(`compaction failed: ${reply.ok ? 'no report' : reply.error}`);
      result.compaction.push({ round, ...roundAll(reply.compaction) });
    });
  }
  const m = (values: number[]) => round(median(values));
  result.summary = {
    flushP50Ms: m(result.flush.map((r) => r.visible.p50)),
    flushP99Ms: m(result.flush.map((r) => r.visible.p99)),
    sustainedPerSecond: m(result.throughput.map((r) => r.durablePerSecond)),
    throughputP99Ms: m(result.throughput.map((r) => r.visible.p99)),
    compactionRows: rows,
    compactMs: m(result.compaction.map((c) => c.compactMs)),
    compactLoopBlockedMs: m(result.compaction.map((c) => c.compactLoopBlockedMs)),
    loadLoopBlockedMs: m(result.compaction.map((c) => c.loadLoopBlockedMs)),
    loadBeforeCompactionMs: m(result.compaction.map((c) => c.loadBeforeMs)),
    loadAfterCompactionMs: m(result.compaction.map((c) => c.loadAfterMs)),
  };
  return result;
}

/** Types for one window while the server's update log is polled, then matches sends to rows. */
async function durability(
  server: ServerHandle,
  context: Context,
  size: FanoutSize,
): Promise<Omit<DurabilityRun, 'round'>> {
  const room = server.target('edit').room;
  const plan: FanoutPlan = { ...size, observerSteps: [0], reportSends: true };
  const [window] = await fanoutOn(server, context, plan, async (mark) => {
    if (mark !== 'window-start') return;
    const reply = await server.request({ type: 'watch-start', room, intervalMs: context.options.persistence.pollMs });
    if (!reply.ok) throw new Error(reply.error);
  });
  if (!window?.sends) throw new Error('the load process reported no sends');
  // The server writes within COLLAB_FLUSH_MS (250 ms by default); wait four times that.
  await sleep(1_000);
  const reply = await server.request({ type: 'watch-stop' });
  if (!reply.ok) throw new Error(reply.error);
  const rows = reply.rows ?? [];
  const histogram = new Histogram();
  let durable = 0;
  let lastVisible = 0;
  for (const [client, clock, sentAt] of window.sends) {
    const visibleAt = firstRowHolding(rows, client, clock);
    if (visibleAt === undefined) continue;
    durable++;
    lastVisible = Math.max(lastVisible, visibleAt);
    histogram.add(visibleAt - sentAt);
  }
  const firstSent = Math.min(...window.sends.map((s) => s[2]));
  const sends = window.sends.length;
  return {
    writers: size.editors,
    offeredPerSecond: window.editsPerSecond,
    durablePerSecond: durable ? round(durable / ((lastVisible - firstSent) / 1000)) : 0,
    durablePercent: sends ? round((100 * durable) / sends, 2) : 0,
    rows: rows.length,
    visible: roundSummary(histogram.summary()),
    serverCpuPercent: window.serverCpuPercent,
  };
}

function firstRowHolding(rows: readonly VisibleRow[], client: number, clock: number): number | undefined {
  for (const row of rows) {
    for (const [c, from, to] of row.ranges) if (c === client && from <= clock && clock < to) return row.at;
  }
  return undefined;
}

function roundSummary(s: LatencySummary): LatencySummary {
  return { count: s.count, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) };
}

function roundAll(report: CompactionReport): CompactionReport {
  const { insertMs, loadBeforeMs, loadLoopBlockedMs, compactMs, compactLoopBlockedMs, loadAfterMs } = report;
  return {
    ...report,
    insertMs: round(insertMs),
    loadBeforeMs: round(loadBeforeMs),
    loadLoopBlockedMs: round(loadLoopBlockedMs),
    compactMs: round(compactMs),
    compactLoopBlockedMs: round(compactLoopBlockedMs),
    loadAfterMs: round(loadAfterMs),
  };
}
