import pino from 'pino';
import postgres from 'postgres';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docStats } from '../../db/schema';
import { wordCount } from '../../lib/documents/paragraphs';
import { DocumentStore } from '../../server/collab/storage/document-store';
import { lockAwaited } from '../helpers/database';
import { useDatabase } from '../helpers/database-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { storedText } from '../helpers/stored-text';

// Holding the compaction's advisory lock needs a second connection: Postgres only.
describe.skipIf(!process.env.DATABASE_URL)('DocumentStore.flushAll', () => {
  const t = useDatabase();

  it('waits for a write already under way, its compaction included', async () => {
    const holder = postgres(t.database.url!, { max: 1, onnotice: () => {} });
    const observer = postgres(t.database.url!, { max: 1, onnotice: () => {} });
    try {
      const store = new DocumentStore({ db: t.db, log: pino({ level: 'silent' }), flushMs: 10, compactAfter: 1 });
      const docId = 'flush-under-way';
      const author = new Y.Doc({ gc: false });
      const text = appendParagraph(author);
      let sent = Y.encodeStateVector(new Y.Doc());
      const type = (word: string) => {
        text.insert(text.length, ` ${word}`);
        store.append(docId, Y.encodeStateAsUpdate(author, sent));
        sent = Y.encodeStateVector(author);
      };

      let flushed: Promise<string> | undefined;
      await holder.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtext(${docId}))`;
        type('one');
        // The timer's write stores the row, then its compaction waits for the lock.
        await lockAwaited(t.database.url!);
        flushed = store.flushAll().then(() => 'flushed');
        // The wait is the point: flushAll may not settle within it while the compaction waits.
        const settled = await Promise.race([
          flushed,
          new Promise((resolve) => setTimeout(() => resolve('waiting'), 300)),
        ]);
        expect(settled).toBe('waiting');
      });
      expect(await flushed).toBe('flushed');

      const [left] = await observer`select count(*)::int as rows from doc_updates where doc_id = ${docId}`;
      expect(left?.rows, 'the compaction under way had not finished').toBe(0);
      expect(await storedText(t.db, docId)).toBe(' one');
    } finally {
      await holder.end();
      await observer.end();
    }
  });
});

describe('DocumentStore word counts', () => {
  const t = useDatabase();

  it('counts again once typing stops, without holding back the updates that follow', async () => {
    const store = new DocumentStore({ db: t.db, log: pino({ level: 'silent' }), flushMs: 20, compactAfter: 1000 });
    try {
      const docId = 'counted';
      const author = new Y.Doc({ gc: false });
      const text = appendParagraph(author);
      store.describe(docId, () => wordCount(author));
      let sent = Y.encodeStateVector(new Y.Doc());
      const type = (word: string) => {
        text.insert(text.length, ` ${word}`);
        store.append(docId, Y.encodeStateAsUpdate(author, sent));
        sent = Y.encodeStateVector(author);
      };
      const storedWords = async () => (await t.db.select().from(docStats).where(eq(docStats.docId, docId)))[0]?.words;

      type('one');
      await eventually(async () => expect(await storedWords()).toBe(1));
      // Counted at most every 5 s: this write keeps the count of 'one', and a recount waits for its turn.
      type('two');
      await eventually(async () => expect(await storedText(t.db, docId)).toBe(' one two'));
      type('three');
      await eventually(async () => expect(await storedText(t.db, docId)).toBe(' one two three'), 1_000);
      expect(await storedWords()).toBe(1);
      await eventually(async () => expect(await storedWords()).toBe(3), 7_000, 100);
    } finally {
      await store.flushAll();
    }
  });
});
