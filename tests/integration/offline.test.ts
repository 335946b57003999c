import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentText } from '../../lib/documents/paragraphs';
import type { RunningServer } from '../../server/start';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { demoPlan } from '../helpers/fixtures';
import { openProvider, waitForSync } from '../helpers/provider';
import { startCollabServer } from '../helpers/server';
import { storedText } from '../helpers/stored-text';

const OFFLINE_MS = 60_000;


describe('a client offline for a minute', () => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startCollabServer(database);
  });

  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it("merges its local edits and the others' when it comes back, losing nothing", { timeout: OFFLINE_MS + 30_000 }, async () => {
    const plan = await demoPlan(server.database.db);
    const away = openProvider(server.url, plan.police.room, plan.cookies.peru);
    const here = openProvider(server.url, plan.police.room, plan.cookies.mexico);
    await Promise.all([waitForSync(away.provider), waitForSync(here.provider)]);

    away.provider.disconnect();
    const started = Date.now();
    for (let i = 0; i < 6; i++) {
      appendParagraph(away.doc, `offline edit ${i}`);
      appendParagraph(here.doc, `online edit ${i}`);
      await new Promise((r) => setTimeout(r, OFFLINE_MS / 6));
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(OFFLINE_MS);
    expect(documentText(here.doc)).not.toContain('offline edit');

    away.provider.connect();
    await eventually(() => {
      expect(documentText(away.doc)).toBe(documentText(here.doc));
      for (let i = 0; i < 6; i++) expect(documentText(here.doc)).toContain(`offline edit ${i}`);
      for (let i = 0; i < 6; i++) expect(documentText(away.doc)).toContain(`online edit ${i}`);
    }, 10_000);
    await server.collab.flush();
    expect(await storedText(server.database.db, plan.police.room)).toBe(documentText(here.doc));
    away.provider.destroy();
    here.provider.destroy();
  });
});
