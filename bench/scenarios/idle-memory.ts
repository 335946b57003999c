import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sleep } from '../load/wait';
import type { ServerKind } from '../load/wire';
import type { BenchOptions } from '../options';
import { rssMiB } from '../proc';
import { sectionDocument } from '../section-documents';
import { CONCORDIA_IDLE_UNLOAD_MS, type ServerHandle } from '../servers/launch';
import { round } from '../stats';
import { medians, ratios } from '../summary';
import { runLoad, serverOrder, withServer, type Context } from './context';

/** The target: an idle server's RSS within 20 % of the fresh process's. */
const IDLE_TARGET_RATIO = 1.2;

export type IdleRun = {
  server: ServerKind;
  round: number;
  /** At rest before this scenario's documents reach the server: a fresh process, unless servers are reused. */
  freshRssMiB: number;
  /** Every room loaded at once, with a reader in each (on the peers, also the client that uploaded it). */
  peakRssMiB: number;
  /** At rest again, the same wait after the last client left. */
  afterIdleRssMiB: number;
  afterIdleRatio: number;
  /** From the last client leaving to the first sample within the target (Concordia: with every room unloaded). */
  returnedAfterSeconds?: number;
  roomsRead: number;
  /** Every reader received its section's text exactly. */
  textMatches: boolean;
  /** Concordia: rooms of this run it logged as unloaded by the end of the wait. */
  roomsUnloaded?: number;
};

const FIELDS = {
  freshRssMiB: (r: IdleRun) => r.freshRssMiB,
  peakRssMiB: (r: IdleRun) => r.peakRssMiB,
  afterIdleRssMiB: (r: IdleRun) => r.afterIdleRssMiB,
  afterIdleRatio: (r: IdleRun) => r.afterIdleRatio,
  returnedAfterSeconds: (r: IdleRun) => r.returnedAfterSeconds ?? Number.NaN,
};

// Not the time to return: Concordia's includes the bench's unload delay, which the peers do not have.
const BETTER = { peakRssMiB: 'lower', afterIdleRssMiB: 'lower', afterIdleRatio: 'lower' } as const;

export type IdleMemoryResult = BenchOptions['idleMemory'] & {
  /** COLLAB_IDLE_UNLOAD_MS of the bench's Concordia (30 s in production by default). */
  concordiaIdleUnloadMs: number;
  targetRatio: number;
  runs: IdleRun[];
  summary: ReturnType<typeof medians<IdleRun, keyof typeof FIELDS>>;
  ratios: ReturnType<typeof ratios<keyof typeof BETTER>>;
  /** Concordia's median after-idle / fresh RSS within the target; absent when Concordia did not run. */
  concordiaWithinTarget?: boolean;
};

type SectionFile = { updateFile: string; expectedText: string };

/**
 * A plan's sections each loaded once by a fresh reader, then left alone: does the server give the
 * memory back? Concordia reads the sections from its database and unloads a room once it is empty and
 * flushed; the peers get each document through a provider, as they keep documents in memory only.
 */
export async function runIdleMemory(context: Context, workDir: string): Promise<IdleMemoryResult> {
  const size = context.options.idleMemory;
  context.log(`idle memory: ${size.sections} sections of ${size.words.toLocaleString('en-US')} words`);
  const files: SectionFile[] = Array.from({ length: size.sections }, (_, i) => {
    const { update, text } = sectionDocument(i, size.words);
    const updateFile = path.join(workDir, `idle-section-${i + 1}.bin`);
    writeFileSync(updateFile, update);
    return { updateFile, expectedText: text };
  });

  const runs: IdleRun[] = [];
  for (let round = 1; round <= context.options.rounds; round++) {
    for (const kind of serverOrder(context.options.servers, round - 1)) {
      context.log(`idle memory: round ${round}, ${kind}`);
      runs.push(await withServer(kind, context, (server) => idleRun(server, context, round, files)));
    }
  }
  const summary = medians(runs, FIELDS);
  const concordia = summary.find((s) => s.server === 'concordia');
  return {
    ...size,
    concordiaIdleUnloadMs: CONCORDIA_IDLE_UNLOAD_MS,
    targetRatio: IDLE_TARGET_RATIO,
    runs,
    summary,
    ratios: ratios(summary, BETTER),
    ...(concordia && { concordiaWithinTarget: concordia.afterIdleRatio <= IDLE_TARGET_RATIO }),
  };
}

async function idleRun(
  server: ServerHandle,
  context: Context,
  roundNo: number,
  files: SectionFile[],
): Promise<IdleRun> {
  const { idleMemory, connectTimeoutMs } = context.options;
  // At rest, as the idle figure is: V8 gives back the garbage of start-up (or of an earlier scenario) only after a while.
  await sleep(idleMemory.waitMs);
  const freshRssMiB = rssMiB(server.pid);
  const concordia = server.kind === 'concordia';
  // Peers get rooms of their own each run: a reused one still holds the documents of an earlier run.
  const rooms = concordia
    ? await concordiaSections(server, files)
    : files.map((_, i) => `bench-idle-${roundNo}-${i + 1}`);
  let peakRssMiB = Number.NaN;
  const documents = files.map((file, i) => ({ ...file, room: rooms[i]! }));
  const result = await runLoad(
    context,
    { type: 'idle', target: server.target('load'), documents, upload: !concordia, timeoutMs: connectTimeoutMs },
    () => {
      peakRssMiB = rssMiB(server.pid);
    },
    (2 * files.length + 1) * connectTimeoutMs,
  );
  if (result.type !== 'idle') throw new Error('expected an idle-memory result');

  // A fixed wait, so that every server is measured as long after its last client left; sampled to see when it came back.
  let afterIdleRssMiB = Number.NaN;
  let returnedAfterSeconds: number | undefined;
  const left = performance.now();
  for (let waited = 0; waited <= idleMemory.waitMs; waited += idleMemory.pollMs) {
    if (waited) await sleep(idleMemory.pollMs);
    afterIdleRssMiB = rssMiB(server.pid);
    const returned =
      afterIdleRssMiB <= IDLE_TARGET_RATIO * freshRssMiB &&
      (!concordia || unloadedRooms(server, rooms) === rooms.length);
    if (returned) returnedAfterSeconds ??= round((performance.now() - left) / 1000);
  }
  const { syncs } = result.result;
  return {
    server: server.kind,
    round: roundNo,
    freshRssMiB: round(freshRssMiB),
    peakRssMiB: round(peakRssMiB),
    afterIdleRssMiB: round(afterIdleRssMiB),
    afterIdleRatio: round(afterIdleRssMiB / freshRssMiB, 2),
    ...(returnedAfterSeconds !== undefined && { returnedAfterSeconds }),
    roomsRead: syncs.length,
    textMatches: syncs.length === files.length && syncs.every((s) => s.textMatches),
    ...(concordia && { roomsUnloaded: unloadedRooms(server, rooms) }),
  };
}

/** A plan of the bench's users with one section per file, each file stored as its section's document. */
async function concordiaSections(server: ServerHandle, files: SectionFile[]): Promise<string[]> {
  const reply = await server.request({ type: 'sections', files: files.map((f) => f.updateFile) });
  if (!reply.ok || reply.rooms?.length !== files.length)
    throw new Error(`could not make the sections: ${reply.ok ? 'wrong rooms' : reply.error}`);
  return reply.rooms;
}

/** Concordia logs `room unloaded` with the room's name at info level. */
function unloadedRooms(server: ServerHandle, rooms: readonly string[]): number {
  const lines = server.logLines().filter((line) => line.includes('"room unloaded"'));
  return rooms.filter((room) => lines.some((line) => line.includes(room))).length;
}
