import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerKind } from '../load/wire';
import { rssMiB } from '../proc';
import type { ServerHandle } from '../servers/launch';
import { median, round } from '../stats';
import { medians, ratios } from '../summary';
import { readTrace, replayTrace, TRACE_CREDIT } from '../trace';
import { runLoad, serverOrder, withServer, type Context } from './context';

export type ColdRun = {
  server: ServerKind;
  round: number;
  /** First fresh client after the server has the document; for Concordia, it loads the room from the database. */
  firstSyncMs: number;
  /** Later fresh clients, the document already in memory. */
  warmSyncMs: number;
  /** Connect → the document has arrived, before the client decodes it: the server's and the wire's share. */
  firstReceivedMs: number;
  warmReceivedMs: number;
  bytes: number;
  textMatches: boolean;
  uploadMs?: number;
  serverRssMiB: number;
  serverIdleRssMiB: number;
  /** Concordia's own "room loaded" time (database read + merge + apply), from its log. */
  roomLoadMs?: number;
};

export type ColdLoadResult = {
  credit: string;
  trace: { transactions: number; characters: number; updateBytes: number; replayMs: number; textMatches: boolean };
  runs: ColdRun[];
  summary: ReturnType<
    typeof medians<
      ColdRun,
      'firstSyncMs' | 'warmSyncMs' | 'firstReceivedMs' | 'warmReceivedMs' | 'bytes' | 'serverRssMiB' | 'roomLoadMs'
    >
  >;
  ratios: Partial<
    Record<'firstSyncMs' | 'warmSyncMs' | 'firstReceivedMs' | 'warmReceivedMs' | 'bytes' | 'serverRssMiB', number>
  >;
};

/**
 * The editing trace replayed into a Tiptap-shaped document, stored in each server (Concordia: a row
 * of its update log; peers: sent through a provider, as they keep documents in memory only), then
 * loaded by fresh clients.
 */
export async function runColdLoad(context: Context, workDir: string): Promise<ColdLoadResult> {
  const { options } = context;
  context.log(`cold load: replaying the trace (${options.coldLoad.traceTransactions ?? 'all'} transactions)`);
  const replay = replayTrace(readTrace(options.tracePath), { limit: options.coldLoad.traceTransactions });
  const traceMatches = replay.text === replay.expected;
  if (!traceMatches) throw new Error('the replayed trace does not produce the expected text');
  const updateFile = path.join(workDir, 'trace-update.bin');
  writeFileSync(updateFile, replay.update);

  const runs: ColdRun[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    for (const kind of serverOrder(options.servers, round - 1)) {
      context.log(`cold load: round ${round}, ${kind}`);
      runs.push(
        await withServer(kind, context, (server) => coldRun(server, context, round, updateFile, replay.expected)),
      );
    }
  }
  const summary = medians(runs, {
    firstSyncMs: (r) => r.firstSyncMs,
    warmSyncMs: (r) => r.warmSyncMs,
    firstReceivedMs: (r) => r.firstReceivedMs,
    warmReceivedMs: (r) => r.warmReceivedMs,
    bytes: (r) => r.bytes,
    serverRssMiB: (r) => r.serverRssMiB,
    roomLoadMs: (r) => r.roomLoadMs ?? Number.NaN,
  });
  return {
    credit: TRACE_CREDIT,
    trace: {
      transactions: replay.transactions,
      characters: replay.expected.length,
      updateBytes: replay.update.length,
      replayMs: round(replay.replayMs, 0),
      textMatches: traceMatches,
    },
    runs,
    summary,
    ratios: ratios(summary, {
      firstSyncMs: 'lower',
      warmSyncMs: 'lower',
      firstReceivedMs: 'lower',
      warmReceivedMs: 'lower',
      bytes: 'lower',
      serverRssMiB: 'lower',
    }),
  };
}

async function coldRun(
  server: ServerHandle,
  context: Context,
  roundNo: number,
  updateFile: string,
  expectedText: string,
): Promise<ColdRun> {
  const target = server.target('load');
  // Concordia reads documents from its database: the update goes into the room's log, and the
  // first client loads the room from there. The peers keep documents in memory: a client uploads it.
  const upload = server.kind !== 'concordia';
  if (!upload) {
    for (const room of [target.room, server.target('warm').room]) {
      const reply = await server.request({ type: 'preload', room, file: updateFile });
      if (!reply.ok) throw new Error(`preload failed: ${reply.error}`);
    }
  }
  let serverRssMiB = Number.NaN;
  const timeoutMs = Math.max(context.options.connectTimeoutMs, 60_000);
  const result = await runLoad(
    context,
    {
      type: 'cold',
      target,
      updateFile,
      upload,
      ...(!upload && { warmupTarget: server.target('warm') }),
      expectedText,
      clients: context.options.coldLoad.clients,
      timeoutMs,
    },
    () => {
      serverRssMiB = rssMiB(server.pid);
    },
    (context.options.coldLoad.clients + 2) * timeoutMs,
  );
  if (result.type !== 'cold') throw new Error('expected a cold-load result');
  const [first, ...later] = result.result.syncs;
  if (!first) throw new Error('no fresh client was measured');
  const roomLoadMs = roomLoadTime(server, target.room);
  return {
    server: server.kind,
    round: roundNo,
    firstSyncMs: first.ms,
    warmSyncMs: later.length ? round(median(later.map((s) => s.ms))) : Number.NaN,
    firstReceivedMs: first.receivedMs,
    warmReceivedMs: later.length ? round(median(later.map((s) => s.receivedMs))) : Number.NaN,
    bytes: first.bytes,
    textMatches: result.result.syncs.every((s) => s.textMatches),
    ...(result.result.uploadMs !== undefined && { uploadMs: result.result.uploadMs }),
    serverRssMiB: round(serverRssMiB),
    serverIdleRssMiB: round(server.idleRssMiB),
    ...(roomLoadMs !== undefined && { roomLoadMs }),
  };
}

/** Concordia logs `room loaded` with its duration in ms at info level. */
export function roomLoadTime(server: ServerHandle, room: string): number | undefined {
  for (const line of server.logLines()) {
    if (!line.includes('"room loaded"') || !line.includes(room)) continue;
    const entry = JSON.parse(line) as { ms?: number };
    return entry.ms;
  }
  return undefined;
}
