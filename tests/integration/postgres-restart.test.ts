import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { openDatabase } from '../../db/client';
import { UnsavedEdits } from '../../app/_components/saving/unsaved-edits';
import { documentText } from '../../lib/documents/paragraphs';
import { freePort } from '../helpers/app-process';
import { startCollabProcess, type CollabProcess } from '../helpers/collab-process';
import { buildMember, buildPlan, buildSection } from '../factories';
import { buildBeforeStart } from '../helpers/database-fixture';
import { eventually } from '../helpers/eventually';
import {
  privatePostgresAvailable,
  startPrivatePostgres,
  type PrivatePostgres,
  type StopMode,
} from '../helpers/private-postgres';
import { openProvider, waitForSync } from '../helpers/provider';
import { storedText } from '../helpers/stored-text';
import { missingTokens, startTyping } from '../helpers/typing';

const OUTAGE_MS = 3_000;
/**
 * How long the server may take to use the database again once it is back: postgres.js delays each
 * reconnection by up to 20 s after repeated failures, on top of our write back-off (at most 5 s).
 */
const RECONNECT_MS = 30_000;
/** A stretch of typing or of outage: the times are the point of this test, which nothing else marks. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(privatePostgresAvailable())('Postgres restarted while clients type', () => {
  let postgres: PrivatePostgres;
  let server: CollabProcess;
  let serverErrors = '';
  let room: string;
  /** The section's lead, a co-editor, the chair and the lead in a second tab. */
  let cookies: string[];

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    await buildBeforeStart(postgres, async (db) => {
      const plan = await buildPlan(db);
      const lead = await buildMember(db, { plan });
      const coEditor = await buildMember(db, { plan });
      room = (
        await buildSection(db, {
          plan,
          lead,
          coEditors: [coEditor],
          text: ['A proposal typed before the database went away.'],
        })
      ).room;
      cookies = [lead.cookie, coEditor.cookie, plan.chair.cookie, lead.cookie];
    });
    server = await startCollabProcess(postgres, await freePort());
    server.child.stderr!.on('data', (d: Buffer) => (serverErrors += d.toString()));
  });

  afterAll(async () => {
    await server?.kill();
    await postgres?.drop();
  });

  /** Fails with the server's last words if it died: staying up is what this test is about. */
  const up = () => {
    const { exitCode, signalCode } = server.child;
    if (exitCode !== null || signalCode !== null)
      throw new Error(`the server exited (${exitCode ?? signalCode}):\n${serverErrors}`);
  };
  const status = async (path: string) => {
    up();
    return (await fetch(`${server.url}${path}`)).status;
  };
  const queued = async () =>
    Number(
      /^concordia_persistence_queue_updates (\d+)/m.exec(await (await fetch(`${server.url}/metrics`)).text())?.[1],
    );

  it(
    'keeps relaying, reports not ready, and stores every edit once the database is back',
    { timeout: 120_000 },
    async () => {
      const reader = await openDatabase({ url: postgres.url, dataDir: postgres.dataDir });
      const writers = cookies.map((cookie) => openProvider(server.url, room, cookie));
      await Promise.all(writers.map((w) => waitForSync(w.provider)));

      // One editor's page follows whether its words are stored: never "saved" while the database is away.
      const edits = new UnsavedEdits(writers[0]!.doc, writers[0]!.provider, null, 'lead:section');
      let outage = false;
      let savedDuringOutage = 0;
      edits.subscribe((state) => {
        if (outage && state === 'saved') savedDuringOutage++;
      });

      const typing = startTyping(
        writers.map((w) => w.doc),
        20,
      );
      const { typed } = typing;
      const everyoneHas = (doc: Y.Doc, tokens: readonly string[]) =>
        expect(missingTokens(documentText(doc), tokens)).toEqual([]);

      // A clean restart, then a crash of the database while the server is still reconnecting to it.
      for (const mode of ['fast', 'immediate'] satisfies StopMode[]) {
        // Typing first; the second time, the server is still reconnecting when the database goes.
        await sleep(800);
        await postgres.stop(mode);
        await eventually(async () => expect(await status('/readyz')).toBe(503), RECONNECT_MS);
        outage = true;
        expect(await status('/healthz')).toBe(200);
        // An outage of some length while everyone types.
        await sleep(OUTAGE_MS);
        expect(edits.state).not.toBe('saved');
        // The server holds the writes it cannot store, and editors still see each other live.
        expect(await queued()).toBeGreaterThan(0);
        const typedWhileDown = [...typed];
        await eventually(() => writers.forEach((w) => everyoneHas(w.doc, typedWhileDown)));
        expect(writers.every((w) => w.provider.wsconnected)).toBe(true);
        outage = false;
        up();
        await postgres.start();
      }
      await eventually(async () => expect(await status('/readyz')).toBe(200), RECONNECT_MS);
      await typing.stop();
      await eventually(() => writers.forEach((w) => everyoneHas(w.doc, typed)));

      // Stored by the retries themselves, not by a flush at shutdown.
      await eventually(
        async () => expect(missingTokens(await storedText(reader.db, room), typed)).toEqual([]),
        RECONNECT_MS,
      );
      await eventually(async () => expect(await queued()).toBe(0));
      await eventually(() => expect(edits.state).toBe('saved'), RECONNECT_MS);
      expect(savedDuringOutage).toBe(0);
      edits.destroy();
      await reader.close();
      for (const w of writers) w.provider.destroy();

      // The stored text is what a server started afresh serves.
      const port = Number(new URL(server.url).port);
      await server.kill('SIGTERM');
      server = await startCollabProcess(postgres, port);
      const fresh = openProvider(server.url, room, cookies[2]!);
      await waitForSync(fresh.provider);
      everyoneHas(fresh.doc, typed);
      fresh.provider.destroy();
      console.log(
        `postgres restart: ${typed.length} edits typed by ${writers.length} clients over two outages, none missing`,
      );
    },
  );
});
