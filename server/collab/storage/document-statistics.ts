import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { docStats } from '../../../db/schema';

/** Counting words reads the whole text (9 ms on a 100,000-character section): at most this often per document. */
const WORD_COUNT_EVERY_MS = 5_000;

const STATS_UPSERT = {
  target: docStats.docId,
  set: {
    words: sql`excluded.words`,
    lastEditAt: sql`excluded.last_edit_at`,
    // A recount carries no editor: the one already there stays.
    lastEditBy: sql`coalesce(excluded.last_edit_by, ${docStats.lastEditBy})`,
  },
};

/** A document's row in doc_stats, as the dashboard shows it. */
export type DocumentFigures = { docId: string; words: number; lastEditAt: Date; lastEditBy?: string | null };

type Counting = {
  /** How to count the document's words, while it is loaded. */
  words?: () => number;
  counted?: { words: number; at: number };
  /** When its updates were last written: the document's last edit as the figures tell it. */
  lastEditAt?: Date;
  /** Who made the latest edit appended, until it is written. */
  editedBy?: string;
  /** The count written with the last updates was taken before them: it is counted again when due. */
  staleCount?: boolean;
};

/**
 * The figures of each document (its words and last edit, doc_stats), which DocumentStore writes in the
 * same statement as the updates they derive from. Words are counted at most every WORD_COUNT_EVERY_MS
 * while people type, and once more after they stop, so that the last count is not short.
 */
export class DocumentStatistics {
  private readonly documents = new Map<string, Counting>();

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  /** Registers how to count a loaded document's words. */
  describe(docId: string, words: () => number): void {
    this.counting(docId).words = words;
  }

  /** A member's edit was appended: they are the document's last editor once it is written. */
  edited(docId: string, userId: string): void {
    this.counting(docId).editedBy = userId;
  }

  /** The document is unloaded with updates still pending: those are written with its last count. */
  stopCounting(docId: string): void {
    const counting = this.documents.get(docId);
    if (counting) delete counting.words;
  }

  /** Forgets an unloaded document that has nothing pending. */
  forget(docId: string): void {
    this.documents.delete(docId);
  }

  /** The figures to write with a document's updates, written `now`; none when its words were never counted. */
  updatesWritten(docId: string, now: Date): DocumentFigures | undefined {
    const counting = this.counting(docId);
    const words = this.wordsOf(counting);
    counting.lastEditAt = now;
    const lastEditBy = counting.editedBy ?? null;
    delete counting.editedBy;
    return words === undefined ? undefined : { docId, words, lastEditAt: now, lastEditBy };
  }

  /** Fresh counts, due now, of documents (other than `except`) whose last written count predates their last updates. */
  dueRecounts(except: ReadonlySet<string>): DocumentFigures[] {
    const recounts: DocumentFigures[] = [];
    for (const [docId, counting] of this.documents) {
      if (!except.has(docId) && counting.staleCount && counting.words && recountWait(counting) === 0)
        recounts.push(this.recount(docId, counting));
    }
    return recounts;
  }

  /** Delay until the earliest stale count may be taken again; undefined when none is waiting. */
  nextRecount(): number | undefined {
    const waits = [...this.documents.values()].flatMap((counting) =>
      counting.staleCount && counting.words ? [recountWait(counting)] : [],
    );
    return waits.length ? Math.min(...waits) : undefined;
  }

  /** Counts a document again now if its written count is stale (it is being unloaded), and writes it. */
  async settle(docId: string): Promise<void> {
    const counting = this.documents.get(docId);
    if (counting?.staleCount && counting.words) await this.writeRecounts([this.recount(docId, counting)]);
  }

  /** Writes counts taken without updates; a failure leaves them stale, to be counted and written again. */
  async writeRecounts(recounts: DocumentFigures[]): Promise<void> {
    try {
      await this.upsert(this.db, recounts);
    } catch (error) {
      this.markStale(recounts);
      this.log.warn({ err: error, documents: recounts.length }, 'could not store word counts; trying again later');
    }
  }

  /** The statement that writes `figures`, through `db` or a query builder carrying a WITH clause. */
  upsert(db: Pick<Db, 'insert'>, figures: DocumentFigures[]) {
    return db.insert(docStats).values(figures).onConflictDoUpdate(STATS_UPSERT);
  }

  /** Counts that were not written: they are taken and written again when due. */
  markStale(figures: ReadonlyArray<{ docId: string }>): void {
    for (const { docId } of figures) this.counting(docId).staleCount = true;
  }

  private counting(docId: string): Counting {
    let counting = this.documents.get(docId);
    if (!counting) {
      counting = {};
      this.documents.set(docId, counting);
    }
    return counting;
  }

  private wordsOf(counting: Counting): number | undefined {
    if (!counting.words) return counting.counted?.words;
    const now = Date.now();
    const due = !counting.counted || now - counting.counted.at >= WORD_COUNT_EVERY_MS;
    if (due) counting.counted = { words: counting.words(), at: now };
    counting.staleCount = !due;
    return counting.counted!.words;
  }

  /** A fresh count for a document whose last written one predates its last updates. */
  private recount(docId: string, counting: Counting): DocumentFigures {
    counting.counted = { words: counting.words!(), at: Date.now() };
    counting.staleCount = false;
    return { docId, words: counting.counted.words, lastEditAt: counting.lastEditAt ?? new Date() };
  }
}

/** How long until a stale count may be taken again. */
function recountWait(counting: Counting): number {
  return counting.counted ? Math.max(0, counting.counted.at + WORD_COUNT_EVERY_MS - Date.now()) : 0;
}
