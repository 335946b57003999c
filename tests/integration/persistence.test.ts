import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { docStates, docUpdates } from '../../db/schema';
import { documentText } from '../../lib/documents/paragraphs';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import type { Db } from '../../db/client';
import { buildMember, buildPlan, buildSection, type BuiltMember, type BuiltPlan } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { lockAwaited, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { openRawClient } from '../helpers/raw-client';
import { storedText } from '../helpers/stored-text';

describe('persistence', () => {
  const t = useCollabServer({ COLLAB_COMPACT_AFTER: '20' });
  let plan: BuiltPlan;
  let mexico: BuiltMember, brazil: BuiltMember, canada: BuiltMember, jamaica: BuiltMember, observer: BuiltMember;
  /** Mexico's section, where most of these tests write. */
  let room: string;
  let cookie: string;

  beforeAll(async () => {
    plan = await buildPlan(t.db);
    mexico = await buildMember(t.db, { plan, state: 'MEX' });
    brazil = await buildMember(t.db, { plan, state: 'BRA' });
    canada = await buildMember(t.db, { plan, state: 'CAN' });
    jamaica = await buildMember(t.db, { plan, state: 'JAM' });
    observer = await buildMember(t.db, { plan, role: 'observer' });
    room = (
      await buildSection(t.db, {
        plan,
        lead: mexico,
        text: ['Mexico proposes to scale up municipal prevention programmes focused on youth.'],
      })
    ).room;
    cookie = mexico.cookie;
  });

  it(
    'persists a flood of 10,000 single-character updates completely, across a restart',
    { timeout: 90_000 },
    async () => {
      const { provider, doc } = openProvider(t.server.url, room, cookie);
      await waitForSync(provider);
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      doc.getXmlFragment(EDITOR_FIELD).push([paragraph]);
      const expected = Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
      for (let i = 0; i < expected.length; i++) text.insert(i, expected[i]!);

      await t.server.collab.flush();
      await eventually(async () => {
        await t.server.collab.flush();
        const [rows] = await t.db.select({ n: count() }).from(docUpdates).where(eq(docUpdates.docId, room));
        const [state] = await t.db.select().from(docStates).where(eq(docStates.docId, room));
        expect((rows?.n ?? 0) + (state ? 1 : 0)).toBeGreaterThan(0);
        expect((await storedText(t.db, room)).split('\n').at(-1)).toBe(expected);
      }, 40_000); // the server takes a flood at its message rate (a burst, then 1,000 a second)
      provider.destroy();

      await t.restart();
      const reader = openProvider(t.server.url, room, cookie);
      await waitForSync(reader.provider);
      expect(documentText(reader.doc).split('\n').at(-1)).toBe(expected);
      reader.provider.destroy();
    },
  );

  it('keeps the text through compaction of the update log', async () => {
    const writer = openProvider(t.server.url, room, cookie);
    await waitForSync(writer.provider);
    const fragment = writer.doc.getXmlFragment(EDITOR_FIELD);
    for (let i = 0; i < 60; i++) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(`line ${i}`)]);
      fragment.push([p]);
      // Stored before the next line: one flush each, so the log grows past the threshold.
      await eventually(async () => expect(await storedText(t.db, room)).toContain(`line ${i}`));
    }
    await t.server.collab.flush();
    const db = t.db;
    await eventually(async () => {
      const [state] = await db.select().from(docStates).where(eq(docStates.docId, room));
      expect(state).toBeDefined();
    });
    const [rows] = await db.select({ n: count() }).from(docUpdates).where(eq(docUpdates.docId, room));
    expect(rows!.n).toBeLessThan(20);
    const expected = documentText(writer.doc);
    writer.provider.destroy();

    await t.restart();
    const reader = openProvider(t.server.url, room, cookie);
    await waitForSync(reader.provider);
    expect(documentText(reader.doc)).toBe(expected);
    expect(documentText(reader.doc)).toContain('line 59');
    reader.provider.destroy();
  });

  it('loads a cold room once when two clients join it at the same moment', async () => {
    const section = await buildSection(t.db, {
      plan,
      lead: brazil,
      text: ['Brazil proposes integrated assistance centres for victims of violence.'],
    });
    const before = t.server.collab.stats().rooms;
    const a = openProvider(t.server.url, section.room, brazil.cookie);
    const b = openProvider(t.server.url, section.room, brazil.cookie);
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
    expect(t.server.collab.stats().rooms).toBe(before + 1);
    expect(documentText(a.doc)).toBe(documentText(b.doc));
    expect(documentText(a.doc)).toContain('Brazil proposes');
    a.provider.destroy();
    b.provider.destroy();
  });

  it('sends a fresh client opening a cold room the stored document once', async () => {
    const db = t.db;
    const section = await buildSection(db, {
      plan,
      lead: canada,
      text: ['Canada proposes common indicators for citizen-security statistics.'],
    });
    const client = await whileLogLocked(t.database, db, async () => {
      const raw = await openRawClient(t.server.url, section.room, canada.cookie);
      raw.sendFrame(syncStep1(new Y.Doc()));
      return raw;
    });
    // Every sync reply and update received, applied to one document; how many carried content.
    const received = () => {
      const doc = new Y.Doc({ gc: false });
      let withContent = 0;
      for (const frame of client.received) {
        const decoder = decoding.createDecoder(frame);
        if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1)
          continue;
        const update = decoding.readVarUint8Array(decoder);
        if (update.length > 2) withContent++;
        Y.applyUpdate(doc, update);
      }
      return { text: documentText(doc), withContent };
    };
    await eventually(() => expect(received().text).toContain('Canada proposes common indicators'));
    // A second copy would follow the first within moments: the server answers the client's request at once.
    // The wait is the point: no second copy may come within it.
    await new Promise((r) => setTimeout(r, 300));
    expect(received().withContent).toBe(1);
    client.close();
  });

  it('serves observers a stored section without decoding it, and decodes it once its coordinator joins', async () => {
    const db = t.db;
    const { room } = await buildSection(db, { plan, lead: mexico, title: 'Read before it is edited' });
    const stored = new Y.Doc();
    appendParagraph(stored, 'Stored before anyone opened it');
    await db.insert(docUpdates).values({ docId: room, data: Y.encodeStateAsUpdate(stored) });
    const before = t.server.collab.stats();

    const readers = [
      openProvider(t.server.url, room, observer.cookie),
      openProvider(t.server.url, room, observer.cookie),
    ];
    await Promise.all(readers.map((r) => waitForSync(r.provider)));
    for (const reader of readers) expect(documentText(reader.doc)).toBe('Stored before anyone opened it');
    expect(t.server.collab.stats()).toMatchObject({ rooms: before.rooms + 1, decodedRooms: before.decodedRooms });

    const writer = openProvider(t.server.url, room, cookie);
    await waitForSync(writer.provider);
    appendParagraph(writer.doc, 'Mexico adds a line');
    for (const reader of readers)
      await eventually(() =>
        expect(documentText(reader.doc)).toBe('Stored before anyone opened it\nMexico adds a line'),
      );
    expect(t.server.collab.stats().decodedRooms).toBe(before.decodedRooms + 1);
    for (const client of [...readers, writer]) client.provider.destroy();
  });

  it('closes a writer of a room whose stored document does not decode with "unavailable", and keeps serving the others', async () => {
    const db = t.db;
    const section = await buildSection(db, { plan, lead: mexico, title: 'Damaged in storage' });
    const damaged = new Y.Doc();
    appendParagraph(damaged, 'Stored text that is cut short');
    await db.insert(docUpdates).values({ docId: section.room, data: Y.encodeStateAsUpdate(damaged).slice(0, 20) });

    const writer = await openRawClient(t.server.url, section.room, cookie);
    expect(await writer.closed).toBe(1001);
    const other = openProvider(t.server.url, room, cookie);
    await waitForSync(other.provider);
    expect(documentText(other.doc)).toContain('Mexico proposes');
    other.provider.destroy();
  });

  it('gives a client sent the stored document ahead the edits made while the room loaded', async () => {
    const db = t.db;
    const { room } = await buildSection(db, {
      plan,
      lead: jamaica,
      text: ['Jamaica proposes a network of focal points.'],
    });
    const [reader, writer] = await whileLogLocked(t.database, db, async () => {
      const clients = [
        openProvider(t.server.url, room, jamaica.cookie),
        openProvider(t.server.url, room, jamaica.cookie),
      ] as const;
      await eventually(() => expect(clients.every((c) => c.provider.wsconnected)).toBe(true));
      appendParagraph(clients[1].doc, 'typed while the room loaded');
      return clients;
    });
    await Promise.all([waitForSync(reader.provider), waitForSync(writer.provider)]);
    await eventually(() => expect(documentText(reader.doc)).toBe(documentText(writer.doc)));
    expect(documentText(reader.doc)).toContain('typed while the room loaded');
    reader.provider.destroy();
    writer.provider.destroy();
  });
});

/**
 * On Postgres, runs `connect` with the update log locked and keeps it locked until the room's load waits
 * for it, so that what the clients sent is waiting when their room loads: the case where the server
 * sends the stored document ahead. PGlite serves one statement at a time, so there it simply runs `connect`.
 */
async function whileLogLocked<T>(database: TestDatabase, db: Db, connect: () => Promise<T>): Promise<T> {
  if (!database.url) return connect();
  let release = () => {};
  let holding: Promise<void> = Promise.resolve();
  await new Promise<void>((locked) => {
    holding = db.transaction(async (tx) => {
      await tx.execute(sql`lock table doc_updates in access exclusive mode`);
      locked();
      await new Promise<void>((r) => (release = r));
    });
  });
  try {
    const result = await connect();
    await lockAwaited(database.url);
    return result;
  } finally {
    release();
    await holding;
  }
}

function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}
