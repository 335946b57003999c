import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { docStates, docUpdates } from '../../db/schema';
import { documentText } from '../../lib/documents/paragraphs';
import { COLLAB_PATH } from '../../lib/shared/rooms';
import { COMPRESSION } from '../../server/collab/wire/shared-deflate';
import { buildMember, buildPlan, buildSection, type BuiltMember, type BuiltPlan } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';

/** Well above the 16 KiB from which messages are compressed. */
const LARGE_PARAGRAPHS = Array.from(
  { length: 400 },
  (_, i) => `Paragraph ${i}: the delegations agree on shared regional indicators and yearly reports.`,
);

/** A new section of the plan led by Mexico, and a document holding LARGE_PARAGRAPHS for it, not yet stored. */
async function longSection(
  db: Db,
  options: { plan: BuiltPlan; lead: BuiltMember; title: string },
): Promise<{ room: string; update: Uint8Array }> {
  const { room } = await buildSection(db, options);
  const doc = new Y.Doc();
  for (const paragraph of LARGE_PARAGRAPHS) appendParagraph(doc, paragraph);
  return { room, update: Y.encodeStateAsUpdate(doc) };
}

describe('large messages compressed once for every socket', () => {
  const t = useCollabServer();
  let plan: BuiltPlan;
  let lead: BuiltMember;
  let room: string;
  let observer: string;
  let mexico: string;

  beforeAll(async () => {
    plan = await buildPlan(t.db);
    lead = await buildMember(t.db, { plan, state: 'MEX' });
    const long = await longSection(t.db, { plan, lead, title: 'A long stored section' });
    room = long.room;
    await t.db.insert(docUpdates).values({ docId: room, data: long.update });
    observer = (await buildMember(t.db, { plan, role: 'observer' })).cookie;
    mexico = lead.cookie;
  });

  async function largeMessages(compression: 'shared' | 'stored' | 'ws'): Promise<number> {
    const { body } = await t.server.collab.metrics();
    const line = body
      .split('\n')
      .find((l) => l.startsWith(`concordia_large_messages_total{compression="${compression}"}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  }

  it('sends every stock client the stored document and a large paste as one shared frame, and each reads them whole', async () => {
    const readers = Array.from({ length: 4 }, () => openProvider(t.server.url, room, observer));
    await Promise.all(readers.map((r) => waitForSync(r.provider)));
    for (const reader of readers) expect(documentText(reader.doc)).toBe(LARGE_PARAGRAPHS.join('\n'));
    expect(await largeMessages('shared')).toBe(readers.length);

    const writer = openProvider(t.server.url, room, mexico);
    await waitForSync(writer.provider);
    const pasted = 'A pasted annex. '.repeat(1_500);
    appendParagraph(writer.doc, pasted);
    for (const reader of readers)
      await eventually(() => expect(documentText(reader.doc).split('\n').at(-1)).toBe(pasted));
    // The writer's whole-document sync, and the paste sent to every member.
    expect(await largeMessages('shared')).toBeGreaterThanOrEqual(readers.length * 2 + 1);
    expect(await largeMessages('ws')).toBe(0);
    for (const client of [...readers, writer]) client.provider.destroy();
  });

  it('sends a client that does not take compression the same document uncompressed', async () => {
    const ws = new WebSocket(`${t.server.url.replace(/^http/, 'ws')}${COLLAB_PATH}/${room}`, {
      headers: { cookie: observer },
      perMessageDeflate: false,
    });
    const received: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(new Uint8Array([0, syncProtocol.messageYjsSyncStep1, 1, 0]));
    const doc = new Y.Doc();
    await eventually(() => {
      for (const frame of received.splice(0)) {
        const decoder = decoding.createDecoder(frame);
        if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2)
          Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
      }
      expect(documentText(doc).startsWith(LARGE_PARAGRAPHS.join('\n'))).toBe(true);
    });
    ws.close();
  });

  it('keeps a section at rest as one deflated row, and sends its next readers that row as it is', async () => {
    const db = t.db;
    const { room: resting, update: plain } = await longSection(db, { plan, lead, title: 'Left to rest' });
    await db.insert(docUpdates).values({ docId: resting, data: plain });

    const writer = openProvider(t.server.url, resting, mexico);
    await waitForSync(writer.provider);
    appendParagraph(writer.doc, 'Mexico adds a closing line');
    const expected = documentText(writer.doc);
    await eventually(async () =>
      expect(await db.select().from(docUpdates).where(eq(docUpdates.docId, resting))).toHaveLength(2),
    );
    writer.provider.destroy();

    // Unloaded once idle, its log compacted into the merged state.
    await eventually(async () => {
      expect(await db.select().from(docUpdates).where(eq(docUpdates.docId, resting))).toHaveLength(0);
      const [state] = await db.select().from(docStates).where(eq(docStates.docId, resting));
      expect(state?.deflateWindowBits).toBe(COMPRESSION.serverMaxWindowBits);
      expect(state!.state.length).toBeLessThan(plain.length / 2);
    });
    // Every room unloaded (the edit had the plan's sections analysed for overlaps): the readers load it from that row.
    await eventually(() => expect(t.server.collab.stats().rooms).toBe(0), 20_000);
    const [shared, sentAsStored] = [await largeMessages('shared'), await largeMessages('stored')];
    const readers = [openProvider(t.server.url, resting, observer), openProvider(t.server.url, resting, observer)];
    await Promise.all(readers.map((r) => waitForSync(r.provider)));
    for (const reader of readers) expect(documentText(reader.doc)).toBe(expected);
    expect(await largeMessages('stored')).toBe(sentAsStored + readers.length);
    expect(await largeMessages('shared')).toBe(shared);
    for (const reader of readers) reader.provider.destroy();
  });

  it('still opens a section whose merged state was stored before states were deflated', async () => {
    const db = t.db;
    const { room: plainRoom, update } = await longSection(db, { plan, lead, title: 'Stored plain' });
    await db.insert(docStates).values({ docId: plainRoom, state: update, deflateWindowBits: null, lastUpdateId: 0 });
    const reader = openProvider(t.server.url, plainRoom, observer);
    await waitForSync(reader.provider);
    expect(documentText(reader.doc)).toBe(LARGE_PARAGRAPHS.join('\n'));
    reader.provider.destroy();
  });
});
