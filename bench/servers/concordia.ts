import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { asc, count, desc, eq, gt, max } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { docStates, docUpdates, planMembers, plans, sectionCoEditors, sections, users } from '../../db/schema';
import { config } from '../../lib/env';
import { logger } from '../../lib/log';
import { sectionRoom } from '../../lib/shared/rooms';
import { DocumentStore } from '../../server/collab/storage/document-store';
import { createNextApp } from '../../server/next-app';
import { startServer } from '../../server/start';
import { readFrames } from '../frames';
import { AnalysisLoad } from './analysis-load';
import { countAnalyses } from './count-analyses';
import { crowdAccounts } from './crowd-accounts';
import { preparePlenary } from './plenary-plan';
import { paragraphText } from '../trace';
import type { CompactionReport, ConcordiaReady, ConcordiaReply, ConcordiaRequest, VisibleRow } from './concordia-ipc';

/**
 * Concordia's real server (startServer: auth, permissions, persistence), with the Next.js app as
 * `npm start` serves it when given `--web` (the headline) or alone otherwise, configured from the environment the orchestrator gives it (read by lib/env.ts), plus
 * bench instrumentation on its IPC channel (see concordia-ipc.ts).
 */
/** Read by benchRooms below, which runs at start-up: defined before it. */
const BENCH_PLAN = 'Benchmark rooms: cold load and persistence';
/** Observer accounts of the crowd, one session each, as in a plenary; more observers take them in turn. */
const CROWD_ACCOUNTS = 1_000;

const web = process.argv.includes('--web') ? () => createNextApp({ dev: false }) : undefined;
const server = await startServer({ config: config(), seed: true, web });
const db = server.database.db;
const rooms = await benchRooms(db);
const ready: ConcordiaReady = {
  bench: 'ready',
  port: server.port,
  rooms,
  users: await benchUsers(db),
  crowd: await crowdAccounts(db, CROWD_ACCOUNTS),
};
process.stdout.write(`${JSON.stringify(ready)}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);

let watcher: RowWatcher | undefined;
const analysisLoad = new AnalysisLoad();
let analyses: ReturnType<typeof countAnalyses> | undefined;
process.on('message', (request: ConcordiaRequest) => {
  void answer(request).then(
    (reply) => process.send?.(reply),
    (error: unknown) => process.send?.({ id: request.id, ok: false, error: String(error) } satisfies ConcordiaReply),
  );
});

async function answer(request: ConcordiaRequest): Promise<ConcordiaReply> {
  switch (request.type) {
    case 'watch-start':
      watcher = new RowWatcher(db, request.room, request.intervalMs);
      await watcher.start();
      return { id: request.id, ok: true };
    case 'watch-stop': {
      const rows = (await watcher?.stop()) ?? [];
      watcher = undefined;
      return { id: request.id, ok: true, rows };
    }
    case 'compaction':
      return {
        id: request.id,
        ok: true,
        compaction: await compaction(db, request.room, request.logFile, request.expectedText),
      };
    case 'preload':
      await preload(request.room, request.file);
      return { id: request.id, ok: true };
    case 'analysis-prepare':
      await analysisLoad.prepare(request.size);
      return { id: request.id, ok: true };
    case 'analysis-start':
      await analysisLoad.start();
      return { id: request.id, ok: true };
    case 'analysis-stop':
      return { id: request.id, ok: true, analysis: analysisLoad.stop() };
    case 'plenary-prepare':
      analyses ??= countAnalyses();
      return { id: request.id, ok: true, plenary: await preparePlenary(db, request.size, request.observers) };
    case 'plenary-mark': {
      // Rows written: the update log's ids only grow, while compaction deletes the rows it merges.
      const [last] = await db.select({ id: max(docUpdates.id) }).from(docUpdates);
      return { id: request.id, ok: true, mark: { lastUpdateId: last?.id ?? 0, analyses: analyses?.read() ?? null } };
    }
    case 'sections': {
      const titles = request.files.map((_, i) => `Idle memory ${i + 1}`);
      const rooms = (await createBenchPlan(db, 'Benchmark rooms: idle memory', titles)).map(sectionRoom);
      for (const [i, room] of rooms.entries()) await preload(room, request.files[i]!);
      return { id: request.id, ok: true, rooms };
    }
  }
}

/**
 * Whatever the room held goes, so that every server holds exactly the same document, stored as the
 * server leaves a section at rest: its log compacted (Rooms does it when an idle room unloads).
 */
async function preload(room: string, file: string): Promise<void> {
  await db.delete(docStates).where(eq(docStates.docId, room));
  await db.delete(docUpdates).where(eq(docUpdates.docId, room));
  await db.insert(docUpdates).values({ docId: room, data: new Uint8Array(readFileSync(file)) });
  await new DocumentStore({ db, log: logger('bench'), flushMs: 1000, compactAfter: Number.MAX_SAFE_INTEGER }).compact(
    room,
  );
}

/**
 * The room typed in is a section of the seeded plan, among others, so the server does its whole job
 * (overlap analysis included). The cold-load and persistence rooms belong to a plan of their own that
 * nobody else edits: edits elsewhere in the seeded plan make the server analyse, and so load, every
 * section of that plan, and a cold load must find its room not yet in memory.
 */
async function benchRooms(db: Db): Promise<ConcordiaReady['rooms']> {
  const seeded = await db
    .select({ id: sections.id, lead: sections.leadState })
    .from(sections)
    .orderBy(asc(sections.position));
  const edit = seeded.find((s) => s.lead === 'PER');
  if (!edit) throw new Error('the seeded plan has no section led by Peru');
  const [load, warm, log] = await benchPlanSections(db);
  return { edit: sectionRoom(edit.id), load: sectionRoom(load!), warm: sectionRoom(warm!), log: sectionRoom(log!) };
}

/** The cold-load and persistence sections, in a plan made once per database. */
async function benchPlanSections(db: Db): Promise<string[]> {
  const [existing] = await db.select({ id: plans.id }).from(plans).where(eq(plans.title, BENCH_PLAN));
  if (!existing) return createBenchPlan(db, BENCH_PLAN, ['Cold load', 'Cold load, warm-up', 'Persistence']);
  const rows = await db
    .select({ id: sections.id })
    .from(sections)
    .where(eq(sections.planId, existing.id))
    .orderBy(asc(sections.position));
  return rows.map((r) => r.id);
}

/** A plan of the bench's users whose sections Peru leads and Mexico co-edits; returns the sections' ids in order. */
async function createBenchPlan(db: Db, title: string, sectionTitles: string[]): Promise<string[]> {
  const people = await benchUsers(db);
  return db.transaction(async (tx) => {
    const [plan] = await tx.insert(plans).values({ title, phase: 'drafting' }).returning({ id: plans.id });
    await tx.insert(planMembers).values([
      { planId: plan!.id, userId: people.chair, role: 'chair' },
      { planId: plan!.id, userId: people.peru, role: 'coordinator', stateCode: 'PER' },
      { planId: plan!.id, userId: people.mexico, role: 'coordinator', stateCode: 'MEX' },
      { planId: plan!.id, userId: people.observer, role: 'observer' },
    ]);
    const made = await tx
      .insert(sections)
      .values(
        sectionTitles.map((sectionTitle, position) => ({
          planId: plan!.id,
          title: sectionTitle,
          leadState: 'PER',
          position,
        })),
      )
      .returning({ id: sections.id, position: sections.position });
    await tx.insert(sectionCoEditors).values(made.map((section) => ({ sectionId: section.id, stateCode: 'MEX' })));
    return made.sort((a, b) => a.position - b.position).map((section) => section.id);
  });
}

async function benchUsers(db: Db): Promise<ConcordiaReady['users']> {
  const byEmail = async (email: string) => {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) throw new Error(`seeded user ${email} is missing`);
    return user.id;
  };
  return {
    chair: await byEmail('chair@demo.test'),
    peru: await byEmail('peru@demo.test'),
    mexico: await byEmail('mexico@demo.test'),
    observer: await byEmail('observer@demo.test'),
  };
}

/**
 * Polls the update log for new rows of one room, to time "sent → durable". It runs in the server
 * process because an embedded PGlite database cannot be opened by a second process.
 */
class RowWatcher {
  private lastId = 0;
  private readonly rows: VisibleRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly room: string,
    private readonly intervalMs: number,
  ) {}

  async start(): Promise<void> {
    const [last] = await this.db.select({ id: docUpdates.id }).from(docUpdates).orderBy(desc(docUpdates.id)).limit(1);
    this.lastId = last?.id ?? 0;
    this.timer = setInterval(() => {
      this.polling ??= this.poll().finally(() => (this.polling = undefined));
    }, this.intervalMs);
  }

  async stop(): Promise<VisibleRow[]> {
    clearInterval(this.timer);
    await this.polling;
    await this.poll();
    return this.rows;
  }

  private async poll(): Promise<void> {
    const rows = await this.db
      .select({ id: docUpdates.id, docId: docUpdates.docId, data: docUpdates.data })
      .from(docUpdates)
      .where(gt(docUpdates.id, this.lastId))
      .orderBy(asc(docUpdates.id));
    const at = performance.timeOrigin + performance.now();
    for (const row of rows) {
      this.lastId = row.id;
      if (row.docId === this.room) this.rows.push({ at, ranges: ranges(row.data) });
    }
  }
}

function ranges(update: Uint8Array): VisibleRow['ranges'] {
  const { from, to } = Y.parseUpdateMeta(update);
  return [...to].map(([client, end]) => [client, from.get(client) ?? 0, end]);
}

/**
 * Fills a room's update log with one row per keystroke transaction, then times the server's own
 * DocumentStore: loading that log, compacting it, and loading the merged state.
 */
async function compaction(db: Db, room: string, logFile: string, expectedText: string): Promise<CompactionReport> {
  const frames = readFrames(readFileSync(logFile));
  let started = performance.now();
  await db.delete(docUpdates).where(eq(docUpdates.docId, room));
  for (let i = 0; i < frames.length; i += 1000) {
    await db.insert(docUpdates).values(frames.slice(i, i + 1000).map((data) => ({ docId: room, data })));
  }
  const insertMs = performance.now() - started;
  const store = new DocumentStore({ db, log: logger('bench'), flushMs: 1000, compactAfter: Number.MAX_SAFE_INTEGER });

  const before = await timed(() => store.load(room));
  const compacted = await timed(() => store.compact(room));

  started = performance.now();
  const { update } = await store.load(room);
  const loadAfterMs = performance.now() - started;

  const [left] = await db.select({ n: count() }).from(docUpdates).where(eq(docUpdates.docId, room));
  const [state] = await db.select({ state: docStates.state }).from(docStates).where(eq(docStates.docId, room));
  const doc = new Y.Doc({ gc: false });
  if (update) Y.applyUpdate(doc, update);
  return {
    rows: frames.length,
    insertMs,
    loadBeforeMs: before.ms,
    loadLoopBlockedMs: before.loopBlockedMs,
    compactMs: compacted.ms,
    compactLoopBlockedMs: compacted.loopBlockedMs,
    loadAfterMs,
    rowsLeft: Number(left?.n ?? -1),
    stateBytes: state?.state.length ?? 0,
    textMatches: paragraphText(doc) === expectedText,
  };
}

/** How long `work` took, and the longest the event loop was blocked meanwhile (every room on it waits that long). */
async function timed(work: () => Promise<unknown>): Promise<{ ms: number; loopBlockedMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  // The sampling timer records a block only when it next fires: let it fire once after the last one.
  await new Promise((resolve) => setTimeout(resolve, 5));
  delay.disable();
  return { ms, loopBlockedMs: delay.max / 1e6 };
}
