import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { docStates, docUpdates, sections } from '../../db/schema';
import { documentText } from '../../lib/documents/paragraphs';
import { COLLAB_PATH, sectionRoom } from '../../lib/shared/rooms';
import { COMPRESSION } from '../../server/collab/wire/shared-deflate';
import type { RunningServer } from '../../server/start';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { sessionCookie, userIdByEmail } from '../helpers/session';
import { startCollabServer } from '../helpers/server';

/** Well above the 16 KiB from which messages are compressed. */
const LARGE_PARAGRAPHS = Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: the delegations agree on shared regional indicators and yearly reports.`);

/** A new section of Mexico's plan, and a document holding LARGE_PARAGRAPHS for it, not yet stored. */
async function longSection(db: Db, title: string, position: number): Promise<{ room: string; update: Uint8Array }> {
  const [existing] = await db.select().from(sections).where(eq(sections.leadState, 'MEX')).orderBy(asc(sections.position));
  const [section] = await db.insert(sections).values({ planId: existing!.planId, title, leadState: 'MEX', position }).returning();
  const doc = new Y.Doc();
  for (const paragraph of LARGE_PARAGRAPHS) appendParagraph(doc, paragraph);
  return { room: sectionRoom(section!.id), update: Y.encodeStateAsUpdate(doc) };
}

describe('large messages compressed once for every socket', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let room: string;
  let observer: string;
  let mexico: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startCollabServer(database);
    const db = server.database.db;
    const long = await longSection(db, 'A long stored section', 95);
    room = long.room;
    await db.insert(docUpdates).values({ docId: room, data: long.update });
    observer = await sessionCookie(await userIdByEmail(db, 'observer@demo.test'));
    mexico = await sessionCookie(await userIdByEmail(db, 'mexico@demo.test'));
  });

  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  async function largeMessages(compression: 'shared' | 'stored' | 'ws'): Promise<number> {
    const { body } = await server.collab.metrics();
    const line = body.split('\n').find((l) => l.startsWith(`concordia_large_messages_total{compression="${compression}"}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  }

  it('sends every stock client the stored document and a large paste as one shared frame, and each reads them whole', async () => {
    const readers = Array.from({ length: 4 }, () => openProvider(server.url, room, observer));
    await Promise.all(readers.map((r) => waitForSync(r.provider)));
    for (const reader of readers) expect(documentText(reader.doc)).toBe(LARGE_PARAGRAPHS.join('\n'));
    expect(await largeMessages('shared')).toBe(readers.length);

    const writer = openProvider(server.url, room, mexico);
    await waitForSync(writer.provider);
    const pasted = 'A pasted annex. '.repeat(1_500);
    appendParagraph(writer.doc, pasted);
    for (const reader of readers) await eventually(() => expect(documentText(reader.doc).split('\n').at(-1)).toBe(pasted));
    // The writer's whole-document sync, and the paste sent to every member.
    expect(await largeMessages('shared')).toBeGreaterThanOrEqual(readers.length * 2 + 1);
    expect(await largeMessages('ws')).toBe(0);
    for (const client of [...readers, writer]) client.provider.destroy();
  });

  it('sends a client that does not take compression the same document uncompressed', async () => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}${COLLAB_PATH}/${room}`, { headers: { cookie: observer }, perMessageDeflate: false });
    const received: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(new Uint8Array([0, syncProtocol.messageYjsSyncStep1, 1, 0]));
    const doc = new Y.Doc();
    await eventually(() => {
      for (const frame of received.splice(0)) {
        const decoder = decoding.createDecoder(frame);
        if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2) Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
      }
      expect(documentText(doc).startsWith(LARGE_PARAGRAPHS.join('\n'))).toBe(true);
    });
    ws.close();
  });

  it('keeps a section at rest as one deflated row, and sends its next readers that row as it is', async () => {
    const db = server.database.db;
    const { room: resting, update: plain } = await longSection(db, 'Left to rest', 96);
    await db.insert(docUpdates).values({ docId: resting, data: plain });

    const writer = openProvider(server.url, resting, mexico);
    await waitForSync(writer.provider);
    appendParagraph(writer.doc, 'Mexico adds a closing line');
    const expected = documentText(writer.doc);
    await eventually(async () => expect(await db.select().from(docUpdates).where(eq(docUpdates.docId, resting))).toHaveLength(2));
    writer.provider.destroy();

    // Unloaded once idle, its log compacted into the merged state.
    await eventually(async () => {
      expect(await db.select().from(docUpdates).where(eq(docUpdates.docId, resting))).toHaveLength(0);
      const [state] = await db.select().from(docStates).where(eq(docStates.docId, resting));
      expect(state?.deflateWindowBits).toBe(COMPRESSION.serverMaxWindowBits);
      expect(state!.state.length).toBeLessThan(plain.length / 2);
    });
    // Every room unloaded (the edit had the plan's sections analysed for overlaps): the readers load it from that row.
    await eventually(() => expect(server.collab.stats().rooms).toBe(0), 20_000);
    const [shared, sentAsStored] = [await largeMessages('shared'), await largeMessages('stored')];
    const readers = [openProvider(server.url, resting, observer), openProvider(server.url, resting, observer)];
    await Promise.all(readers.map((r) => waitForSync(r.provider)));
    for (const reader of readers) expect(documentText(reader.doc)).toBe(expected);
    expect(await largeMessages('stored')).toBe(sentAsStored + readers.length);
    expect(await largeMessages('shared')).toBe(shared);
    for (const reader of readers) reader.provider.destroy();
  });

  it('still opens a section whose merged state was stored before states were deflated', async () => {
    const db = server.database.db;
    const { room: plainRoom, update } = await longSection(db, 'Stored plain', 97);
    await db.insert(docStates).values({ docId: plainRoom, state: update, deflateWindowBits: null, lastUpdateId: 0 });
    const reader = openProvider(server.url, plainRoom, observer);
    await waitForSync(reader.provider);
    expect(documentText(reader.doc)).toBe(LARGE_PARAGRAPHS.join('\n'));
    reader.provider.destroy();
  });
});
