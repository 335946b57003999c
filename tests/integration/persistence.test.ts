import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { docStates, docUpdates, sections } from '../../db/schema';
import { documentText } from '../../lib/documents/paragraphs';
import { EDITOR_FIELD, sectionRoom } from '../../lib/shared/rooms';
import type { Db } from '../../db/client';
import type { RunningServer } from '../../server/start';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { openRawClient } from '../helpers/raw-client';
import { startCollabServer } from '../helpers/server';
import { storedText } from '../helpers/stored-text';
import { sessionCookie, userIdByEmail } from '../helpers/session';

describe('persistence', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let room: string;
  let cookie: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startCollabServer(database, { COLLAB_COMPACT_AFTER: '20' });
    const db = server.database.db;
    const [section] = await db.select().from(sections).where(eq(sections.leadState, 'MEX')).orderBy(asc(sections.position));
    room = sectionRoom(section!.id);
    cookie = await sessionCookie(await userIdByEmail(db, 'mexico@demo.test'));
  });

  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('persists a flood of 10,000 single-character updates completely, across a restart', { timeout: 90_000 }, async () => {
    const { provider, doc } = openProvider(server.url, room, cookie);
    await waitForSync(provider);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    doc.getXmlFragment(EDITOR_FIELD).push([paragraph]);
    const expected = Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    for (let i = 0; i < expected.length; i++) text.insert(i, expected[i]!);

    await server.collab.flush();
    await eventually(async () => {
      await server.collab.flush();
      const [rows] = await server.database.db.select({ n: count() }).from(docUpdates).where(eq(docUpdates.docId, room));
      const [state] = await server.database.db.select().from(docStates).where(eq(docStates.docId, room));
      expect((rows?.n ?? 0) + (state ? 1 : 0)).toBeGreaterThan(0);
      expect((await storedText(server.database.db, room)).split('\n').at(-1)).toBe(expected);
    }, 40_000); // the server takes a flood at its message rate (a burst, then 1,000 a second)
    provider.destroy();

    const port = server.port;
    await server.close();
    server = await startCollabServer(database, { COLLAB_COMPACT_AFTER: '20' }, port);
    const reader = openProvider(server.url, room, cookie);
    await waitForSync(reader.provider);
    expect(documentText(reader.doc).split('\n').at(-1)).toBe(expected);
    reader.provider.destroy();
  });

  it('keeps the text through compaction of the update log', async () => {
    const writer = openProvider(server.url, room, cookie);
    await waitForSync(writer.provider);
    const fragment = writer.doc.getXmlFragment(EDITOR_FIELD);
    for (let i = 0; i < 60; i++) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(`line ${i}`)]);
      fragment.push([p]);
      await new Promise((r) => setTimeout(r, 60)); // one flush each, so the log grows past the threshold
    }
    await server.collab.flush();
    const db = server.database.db;
    await eventually(async () => {
      const [state] = await db.select().from(docStates).where(eq(docStates.docId, room));
      expect(state).toBeDefined();
    });
    const [rows] = await db.select({ n: count() }).from(docUpdates).where(eq(docUpdates.docId, room));
    expect(rows!.n).toBeLessThan(20);
    const expected = documentText(writer.doc);
    writer.provider.destroy();

    const port = server.port;
    await server.close();
    server = await startCollabServer(database, { COLLAB_COMPACT_AFTER: '20' }, port);
    const reader = openProvider(server.url, room, cookie);
    await waitForSync(reader.provider);
    expect(documentText(reader.doc)).toBe(expected);
    expect(documentText(reader.doc)).toContain('line 59');
    reader.provider.destroy();
  });

  it('loads a cold room once when two clients join it at the same moment', async () => {
    const db = server.database.db;
    const [section] = await db.select().from(sections).where(eq(sections.leadState, 'BRA'));
    const brazil = await sessionCookie(await userIdByEmail(db, 'brazil@demo.test'));
    const before = server.collab.stats().rooms;
    const a = openProvider(server.url, sectionRoom(section!.id), brazil);
    const b = openProvider(server.url, sectionRoom(section!.id), brazil);
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
    expect(server.collab.stats().rooms).toBe(before + 1);
    expect(documentText(a.doc)).toBe(documentText(b.doc));
    expect(documentText(a.doc)).toContain('Brazil proposes');
    a.provider.destroy();
    b.provider.destroy();
  });

  it('sends a fresh client opening a cold room the stored document once', async () => {
    const db = server.database.db;
    const [section] = await db.select().from(sections).where(eq(sections.leadState, 'CAN'));
    const canada = await sessionCookie(await userIdByEmail(db, 'canada@demo.test'));
    const client = await whileLogLocked(database, db, async () => {
      const raw = await openRawClient(server.url, sectionRoom(section!.id), canada);
      raw.sendFrame(syncStep1(new Y.Doc()));
      return raw;
    });
    // Every sync reply and update received, applied to one document; how many carried content.
    const received = () => {
      const doc = new Y.Doc({ gc: false });
      let withContent = 0;
      for (const frame of client.received) {
        const decoder = decoding.createDecoder(frame);
        if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1) continue;
        const update = decoding.readVarUint8Array(decoder);
        if (update.length > 2) withContent++;
        Y.applyUpdate(doc, update);
      }
      return { text: documentText(doc), withContent };
    };
    await eventually(() => expect(received().text).toContain('Canada proposes common indicators'));
    // A second copy would follow the first within moments: the server answers the client's request at once.
    await new Promise((r) => setTimeout(r, 300));
    expect(received().withContent).toBe(1);
    client.close();
  });

  it('serves observers a stored section without decoding it, and decodes it once its coordinator joins', async () => {
    const db = server.database.db;
    const [existing] = await db.select().from(sections).where(eq(sections.leadState, 'MEX'));
    const [section] = await db.insert(sections).values({ planId: existing!.planId, title: 'Read before it is edited', leadState: 'MEX', position: 90 }).returning();
    const room = sectionRoom(section!.id);
    const stored = new Y.Doc();
    appendParagraph(stored, 'Stored before anyone opened it');
    await db.insert(docUpdates).values({ docId: room, data: Y.encodeStateAsUpdate(stored) });
    const observer = await sessionCookie(await userIdByEmail(db, 'observer@demo.test'));
    const before = server.collab.stats();

    const readers = [openProvider(server.url, room, observer), openProvider(server.url, room, observer)];
    await Promise.all(readers.map((r) => waitForSync(r.provider)));
    for (const reader of readers) expect(documentText(reader.doc)).toBe('Stored before anyone opened it');
    expect(server.collab.stats()).toMatchObject({ rooms: before.rooms + 1, decodedRooms: before.decodedRooms });

    const writer = openProvider(server.url, room, cookie);
    await waitForSync(writer.provider);
    appendParagraph(writer.doc, 'Mexico adds a line');
    for (const reader of readers) await eventually(() => expect(documentText(reader.doc)).toBe('Stored before anyone opened it\nMexico adds a line'));
    expect(server.collab.stats().decodedRooms).toBe(before.decodedRooms + 1);
    for (const client of [...readers, writer]) client.provider.destroy();
  });

  it('closes a writer of a room whose stored document does not decode with "unavailable", and keeps serving the others', async () => {
    const db = server.database.db;
    const [existing] = await db.select().from(sections).where(eq(sections.leadState, 'MEX'));
    const [section] = await db.insert(sections).values({ planId: existing!.planId, title: 'Damaged in storage', leadState: 'MEX', position: 91 }).returning();
    const damaged = new Y.Doc();
    appendParagraph(damaged, 'Stored text that is cut short');
    await db.insert(docUpdates).values({ docId: sectionRoom(section!.id), data: Y.encodeStateAsUpdate(damaged).slice(0, 20) });

    const writer = await openRawClient(server.url, sectionRoom(section!.id), cookie);
    expect(await writer.closed).toBe(1001);
    const other = openProvider(server.url, room, cookie);
    await waitForSync(other.provider);
    expect(documentText(other.doc)).toContain('Mexico proposes');
    other.provider.destroy();
  });

  it('gives a client sent the stored document ahead the edits made while the room loaded', async () => {
    const db = server.database.db;
    const [section] = await db.select().from(sections).where(eq(sections.leadState, 'JAM'));
    const jamaica = await sessionCookie(await userIdByEmail(db, 'jamaica@demo.test'));
    const room = sectionRoom(section!.id);
    const [reader, writer] = await whileLogLocked(database, db, async () => {
      const clients = [openProvider(server.url, room, jamaica), openProvider(server.url, room, jamaica)] as const;
      await new Promise((r) => setTimeout(r, 100));
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
 * On Postgres, runs `connect` with the update log locked and keeps it locked a moment longer, so that
 * what the clients sent is waiting when their room loads: the case where the server sends the stored
 * document ahead. PGlite serves one statement at a time, so there it simply runs `connect`.
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
    await new Promise((r) => setTimeout(r, 100));
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
