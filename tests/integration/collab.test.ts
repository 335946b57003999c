import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sections } from '../../db/schema';
import { documentText } from '../../lib/documents/paragraphs';
import { sectionRoom } from '../../lib/shared/rooms';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, upgradeStatus, waitForSync } from '../helpers/provider';
import { startCollabServer } from '../helpers/server';
import { sessionCookie, userIdByEmail } from '../helpers/session';
import type { RunningServer } from '../../server/start';


describe('collaboration server', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let room: string;
  let peru: string;
  let mexico: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startCollabServer(database);
    const db = server.database.db;
    const [first] = await db.select().from(sections).where(eq(sections.leadState, 'PER')).orderBy(asc(sections.position));
    room = sectionRoom(first!.id);
    peru = await sessionCookie(await userIdByEmail(db, 'peru@demo.test'));
    mexico = await sessionCookie(await userIdByEmail(db, 'mexico@demo.test'));
  });

  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('refuses an upgrade without a session with 401, before any Yjs traffic', async () => {
    expect(await upgradeStatus(server.url, room)).toBe(401);
    expect(await upgradeStatus(server.url, room, 'next-auth.session-token=forged')).toBe(401);
  });

  it('answers 404 for a room that does not exist', async () => {
    expect(await upgradeStatus(server.url, sectionRoom('00000000-0000-4000-8000-000000000000'), peru)).toBe(404);
    expect(await upgradeStatus(server.url, 'not-a-room', peru)).toBe(404);
  });

  it('makes two stock y-websocket clients converge on concurrent edits', async () => {
    const a = openProvider(server.url, room, peru);
    const b = openProvider(server.url, room, mexico);
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
    expect(documentText(a.doc)).toContain('Peru proposes a regional curriculum');

    for (let i = 0; i < 20; i++) {
      appendParagraph(a.doc, `peru ${i}`);
      appendParagraph(b.doc, `mexico ${i}`);
    }
    await eventually(() => {
      expect(documentText(a.doc)).toBe(documentText(b.doc));
      expect(documentText(a.doc).split('\n')).toHaveLength(41);
    });
    a.provider.destroy();
    b.provider.destroy();
  });

  it('gives each fresh client the document as it stands, edits since the last one joined included', async () => {
    const writer = openProvider(server.url, room, peru);
    await waitForSync(writer.provider);
    for (let i = 0; i < 3; i++) {
      appendParagraph(writer.doc, `joined after edit ${i}`);
      const expected = documentText(writer.doc);
      await eventually(async () => {
        const fresh = openProvider(server.url, room, mexico);
        try {
          await waitForSync(fresh.provider);
          expect(documentText(fresh.doc)).toBe(expected);
        } finally {
          fresh.provider.destroy();
        }
      });
    }
    writer.provider.destroy();
  });
});
