import { asc, eq, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { docStates, docUpdates } from '../../../db/schema';
import { DocumentStatistics, type DocumentFigures } from './document-statistics';
import { mergeRecent } from './merge-updates';
import { MergeThread } from './merge-thread';
import { packState, sendableDeflated, unpackState } from './stored-state';
import { SoonestTimer } from '../timers/soonest-timer';

export type DocumentStoreOptions = {
  db: Db;
  log: Logger;
  /** Longest an accepted update waits in memory before it is written (the durability window). */
  flushMs: number;
  /** Log rows of one document that trigger compaction into its merged state. */
  compactAfter: number;
  /** Told how long each successful batch write took, in seconds. */
  onFlushed?: (seconds: number) => void;
};

type Pending = {
  updates: Uint8Array[];
  logRows: number;
  /** Updates appended so far and how many of them the database holds: what whenStored waits on. */
  appended: number;
  written: number;
  waiters: Array<{ upTo: number; resolve: () => void }>;
};

function confirmWritten(entry: Pending, upTo: number): void {
  entry.written = Math.max(entry.written, upTo);
  const waiting = entry.waiters;
  entry.waiters = waiting.filter((w) => w.upTo > entry.written);
  for (const w of waiting) if (w.upTo <= entry.written) w.resolve();
}

const MAX_RETRY_MS = 5_000;
/** Keeps one compaction's statement parameters and memory bounded; the rest folds in next time. */
const COMPACT_BATCH_ROWS = 10_000;

/**
 * Postgres persistence of Yjs documents: an append-only update log, batched so a burst of
 * keystrokes becomes one row per document per flush, and compacted into a merged state.
 * A failed write keeps the updates in memory and retries with back-off; nothing is dropped. Each
 * document's figures (DocumentStatistics) are written in the same statement as its updates.
 */
export class DocumentStore {
  private readonly pending = new Map<string, Pending>();
  /** The next write; a recount may wait seconds, while a write is due within flushMs. */
  private readonly timer = new SoonestTimer(() => this.flushScheduled(), Date.now);
  private flushing: Promise<void> | undefined;
  private failures = 0;
  private readonly merging: MergeThread;
  private readonly statistics: DocumentStatistics;
  private readonly appendListeners = new Set<(docId: string) => void>();

  constructor(private readonly options: DocumentStoreOptions) {
    this.merging = new MergeThread(options.log);
    this.statistics = new DocumentStatistics(options.db, options.log);
  }

  /**
   * Merged state plus every log row still present, read in one statement and so from one snapshot: a
   * compaction committing between two reads would otherwise leave its rows in neither. Compaction
   * deletes exactly the rows it merged, so a row committed late by another instance is never lost;
   * re-applying a merged row is harmless. A document at rest (its log compacted) also comes back
   * deflated, ready to send (stored-state.ts).
   */
  async load(docId: string): Promise<{ update: Uint8Array | null; logRows: number; deflated?: Uint8Array }> {
    const { db } = this.options;
    // The merged state sorts first (0); log rows follow in id order (ids start at 1).
    const parts = await unionAll(
      db
        .select({
          data: docStates.state,
          windowBits: docStates.deflateWindowBits,
          at: sql<number>`0`.mapWith(Number).as('at'),
        })
        .from(docStates)
        .where(eq(docStates.docId, docId)),
      db
        .select({ data: docUpdates.data, windowBits: sql<number | null>`null`, at: docUpdates.id })
        .from(docUpdates)
        .where(eq(docUpdates.docId, docId)),
    ).orderBy(sql`at`);
    const stored = parts[0]?.at === 0 ? { state: parts[0].data, deflateWindowBits: parts[0].windowBits } : undefined;
    const log = parts.slice(stored ? 1 : 0).map((p) => p.data);
    this.entry(docId).logRows = log.length;
    if (parts.length === 0) return { update: null, logRows: 0 };
    const state = stored ? [await unpackState(stored)] : [];
    const deflated = stored && !log.length ? sendableDeflated(stored) : undefined;
    return { update: await this.merging.merge([...state, ...log]), logRows: log.length, ...(deflated && { deflated }) };
  }

  /**
   * Compacts what is left of a document's log, as a document at rest is best kept: one deflated row
   * that the next client to open it gets as it is (see load).
   */
  async settle(docId: string): Promise<void> {
    const entry = this.pending.get(docId);
    await this.statistics.settle(docId);
    if ((entry?.logRows ?? 0) > 0) await this.compact(docId);
  }

  /** Registers how to count a loaded document's words, stored with each flush for the dashboard. */
  describe(docId: string, words: () => number): void {
    this.statistics.describe(docId, words);
  }

  /**
   * Queues an accepted update; it reaches the database within flushMs unless the database is down.
   * `editorId`: the member who made it, when it came from one here (the plans list names the last editor).
   */
  append(docId: string, update: Uint8Array, editorId?: string): void {
    const entry = this.entry(docId);
    if (editorId) this.statistics.edited(docId, editorId);
    entry.updates.push(update);
    entry.appended++;
    // While the database is away, typing must not turn the back-off into a retry every flushMs.
    this.schedule(this.failures ? this.backoff() : this.options.flushMs);
    for (const listener of this.appendListeners) listener(docId);
  }

  /** Tells `listener` which document took an update (the overlap analysis follows edits), until stopped. */
  onAppended(listener: (docId: string) => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /** Resolves once every update appended to the document so far is in the database (retrying failures). */
  whenStored(docId: string): Promise<void> {
    const entry = this.pending.get(docId);
    if (!entry || entry.written >= entry.appended) return Promise.resolve();
    return new Promise((resolve) => entry.waiters.push({ upTo: entry.appended, resolve }));
  }

  hasPending(docId?: string): boolean {
    if (docId) return (this.pending.get(docId)?.updates.length ?? 0) > 0;
    for (const p of this.pending.values()) if (p.updates.length) return true;
    return false;
  }

  /** Updates accepted but not yet in the database. */
  pendingUpdates(): number {
    let count = 0;
    for (const p of this.pending.values()) count += p.updates.length;
    return count;
  }

  /** Forgets bookkeeping for an unloaded document that has nothing pending. */
  release(docId: string): void {
    if (this.hasPending(docId)) return this.statistics.stopCounting(docId);
    this.pending.delete(docId);
    this.statistics.forget(docId);
  }

  /** Writes everything queued now; resolves once nothing is pending (retrying failures). */
  async flushAll(): Promise<void> {
    // A write under way holds updates no longer counted as pending (and may be compacting): it finishes,
    // or fails and puts them back, before this can tell that nothing is left.
    await this.flushing;
    while (this.hasPending()) {
      await this.flush();
      if (this.hasPending()) await new Promise((r) => setTimeout(r, this.backoff()));
    }
  }

  private entry(docId: string): Pending {
    let entry = this.pending.get(docId);
    if (!entry) {
      entry = { updates: [], logRows: 0, appended: 0, written: 0, waiters: [] };
      this.pending.set(docId, entry);
    }
    return entry;
  }

  /** Sets the next write for `delay` from now, unless one is due sooner. */
  private schedule(delay: number): void {
    this.timer.setIn(delay);
  }

  private flushScheduled(): void {
    void this.flush().then(() => {
      if (this.hasPending()) return this.schedule(this.failures ? this.backoff() : this.options.flushMs);
      // Typing that stopped within the count's interval would otherwise leave the figures short.
      const recount = this.statistics.nextRecount();
      if (recount !== undefined) this.schedule(recount);
    });
  }

  private backoff(): number {
    return Math.min(MAX_RETRY_MS, 100 * 2 ** Math.min(this.failures, 6));
  }

  private flush(): Promise<void> {
    this.flushing ??= this.writeBatch().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async writeBatch(): Promise<void> {
    const batch: Array<{
      docId: string;
      data: Uint8Array;
      figures: DocumentFigures | undefined;
      entry: Pending;
      upTo: number;
    }> = [];
    const now = new Date();
    for (const [docId, entry] of this.pending) {
      if (!entry.updates.length) continue;
      const data = mergeRecent(entry.updates);
      batch.push({ docId, data, figures: this.statistics.updatesWritten(docId, now), entry, upTo: entry.appended });
      entry.updates = [];
    }
    const recounts = this.statistics.dueRecounts(new Set(batch.map(({ docId }) => docId)));
    if (!batch.length) {
      if (recounts.length) await this.statistics.writeRecounts(recounts);
      return;
    }
    const started = performance.now();
    const stats = [...batch.flatMap(({ figures }) => (figures ? [figures] : [])), ...recounts];
    const { db } = this.options;
    const logRows = db.insert(docUpdates).values(batch.map(({ docId, data }) => ({ docId, data })));
    try {
      // The Yjs bytes and the figures derived from them are written together or not at all, in one
      // statement rather than db.transaction(): when Postgres goes away mid-transaction, postgres.js
      // (3.4.9, porsager/postgres#1208) writes its ROLLBACK to the dead socket and crashes the process.
      if (!stats.length) await logRows;
      else {
        const logged = db.$with('logged').as(logRows.returning({ id: docUpdates.id }));
        await this.statistics.upsert(db.with(logged), stats);
      }
      this.failures = 0;
    } catch (error) {
      this.failures++;
      for (const { docId, data } of batch) this.entry(docId).updates.unshift(data);
      this.statistics.markStale(recounts);
      this.options.log.error(
        { err: error, documents: batch.length, attempt: this.failures },
        'update log write failed; retrying',
      );
      return;
    }
    for (const { entry, upTo } of batch) confirmWritten(entry, upTo);
    const seconds = (performance.now() - started) / 1000;
    this.options.onFlushed?.(seconds);
    this.options.log.debug({ documents: batch.length, ms: Math.round(seconds * 1000) }, 'flushed');
    for (const { docId } of batch) {
      const entry = this.entry(docId);
      entry.logRows++;
      if (entry.logRows >= this.options.compactAfter) await this.compact(docId);
    }
  }

  /** Folds the log of one document into its merged state, one instance at a time (advisory lock). */
  async compact(docId: string): Promise<void> {
    try {
      await this.options.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${docId}))`);
        const [state] = await tx.select().from(docStates).where(eq(docStates.docId, docId)).limit(1);
        const rows = await tx
          .select({ id: docUpdates.id, data: docUpdates.data })
          .from(docUpdates)
          .where(eq(docUpdates.docId, docId))
          .orderBy(asc(docUpdates.id))
          .limit(COMPACT_BATCH_ROWS);
        const last = rows.at(-1);
        if (!last) return;
        const merged = await packState(
          await this.merging.merge([...(state ? [await unpackState(state)] : []), ...rows.map((r) => r.data)]),
        );
        await tx
          .insert(docStates)
          .values({ docId, ...merged, lastUpdateId: last.id })
          .onConflictDoUpdate({
            target: docStates.docId,
            set: { ...merged, lastUpdateId: last.id, updatedAt: new Date() },
          });
        // One text parameter rather than one per row: building and binding 10,000 parameters held the
        // event loop for about 90 ms (every room on the instance waited), and array parameters would need
        // the type lookups fetch_types turns off (db/client.ts).
        const mergedIds = rows.map((r) => r.id).join(',');
        await tx.delete(docUpdates).where(sql`${docUpdates.id} = any(string_to_array(${mergedIds}, ',')::bigint[])`);
      });
      this.entry(docId).logRows = 0;
    } catch (error) {
      this.options.log.error({ err: error, docId }, 'compaction failed; the log stays as it is');
    }
  }
}
