import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { documentText } from '../../lib/documents/paragraphs';
import { freePort } from '../helpers/app-process';
import { startCollabProcess, type CollabProcess } from '../helpers/collab-process';
import { buildMember, buildPlan, buildSection } from '../factories';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildBeforeStart } from '../helpers/database-fixture';
import { eventually } from '../helpers/eventually';
import { openProvider, waitForSync } from '../helpers/provider';
import { storedText } from '../helpers/stored-text';
import { missingTokens, startTyping } from '../helpers/typing';

/** Kills per run of `npm test`; `KILLS=20 npx vitest run tests/integration/crash.test.ts` for the long version. */
const KILLS = Number(process.env.KILLS ?? 3);
const WRITERS = 5;

/**
 * Two ways of typing: each writer in a paragraph of its own, and all in one paragraph, each writer's
 * words hanging on the others' while the restarted server loads the room slowly (as under a loaded
 * database), so the reconnecting clients' messages queue behind the load and every client relays
 * words of the others that the server lost.
 */
describe.each([
  { how: 'each in a paragraph of its own', interleaved: false, slowLoadMs: 0 },
  { how: 'all in one paragraph while the room loads slowly', interleaved: true, slowLoadMs: 500 },
])('kill -9 while five clients type, $how', ({ interleaved, slowLoadMs }) => {
  const env: Record<string, string> = slowLoadMs ? { SLOW_ROOM_LOAD_MS: String(slowLoadMs) } : {};
  let database: TestDatabase;
  let server: CollabProcess;
  let port: number;
  let room: string;
  /** Who types: the section's lead, a co-editor and the chair, the lead and the co-editor in two tabs each. */
  let cookies: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await buildBeforeStart(database, async (db) => {
      const plan = await buildPlan(db);
      const lead = await buildMember(db, { plan });
      const coEditor = await buildMember(db, { plan });
      room = (
        await buildSection(db, { plan, lead, coEditors: [coEditor], text: ['A proposal typed before the first kill.'] })
      ).room;
      cookies = [lead.cookie, coEditor.cookie, plan.chair.cookie, lead.cookie, coEditor.cookie];
    });
    port = await freePort();
    server = await startCollabProcess(database, port, env);
  });

  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  it(`loses nothing over ${KILLS} kills at random moments`, { timeout: 60_000 + KILLS * 30_000 }, async () => {
    const writers = Array.from({ length: WRITERS }, (_, i) => openProvider(server.url, room, cookies[i]!));
    await Promise.all(writers.map((w) => waitForSync(w.provider)));
    const typing = startTyping(
      writers.map((w) => w.doc),
      15,
      { interleaved },
    );
    const { typed } = typing;

    // Kills at random moments of the typing, and random stretches of time down: the times are the point.
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1500));
      await server.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, Math.random() * 500));
      server = await startCollabProcess(database, port, env);
    }
    await typing.stop();

    // Every client converges on the union of all typing, and so does storage.
    await eventually(() => {
      for (const writer of writers) expect(missingTokens(documentText(writer.doc), typed)).toEqual([]);
    }, 30_000);
    // Converged through the server, which therefore holds every edit; SIGTERM stores all it holds.
    for (const w of writers) w.provider.destroy();
    await server.kill('SIGTERM');
    const check = await openDatabase({ url: database.url, dataDir: database.dataDir });
    const stored = await storedText(check.db, room);
    await check.close();
    const missing = missingTokens(stored, typed);
    console.log(
      `crash: ${KILLS} kills, ${typed.length} edits typed by ${WRITERS} clients, ${missing.length} missing from storage`,
    );
    expect(missing).toEqual([]);
    server = await startCollabProcess(database, port, env);
  });
});
