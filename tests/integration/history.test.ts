import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changeRuns, contentAt } from '../../lib/documents/history';
import { documentHost } from '../../lib/documents/host';
import { documentText } from '../../lib/documents/paragraphs';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import { documentAttribution } from '../../lib/versions/section-attribution';
import { getVersion, listPlanVersions, listVersions, namePlanVersion, nameVersion, restoreVersion } from '../../lib/versions/versions';
import { sections, versions } from '../../db/schema';
import { DEMO_SECTIONS } from '../../db/seed';
import { eq } from 'drizzle-orm';
import type { RunningServer } from '../../server/start';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { authorsOfWords } from '../helpers/authors';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { demoPlan } from '../helpers/fixtures';
import { openProvider, waitForSync } from '../helpers/provider';
import { announce, openRawClient } from '../helpers/raw-client';
import { startCollabServer } from '../helpers/server';



describe('attribution and version history', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let plan: Awaited<ReturnType<typeof demoPlan>>;
  const restart = async () => {
    const port = server.port;
    await server.close();
    server = await startCollabServer(database, { COLLAB_COMPACT_AFTER: '5' }, port);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startCollabServer(database, { COLLAB_COMPACT_AFTER: '5' });
    plan = await demoPlan(server.database.db);
  });

  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('attributes every word to the state that typed it, through a restart and compaction', async () => {
    const peru = openProvider(server.url, plan.police.room, plan.cookies.peru);
    const mexico = openProvider(server.url, plan.police.room, plan.cookies.mexico);
    await Promise.all([waitForSync(peru.provider), waitForSync(mexico.provider)]);
    const peruText = appendParagraph(peru.doc);
    await eventually(() => expect(mexico.doc.getXmlFragment(EDITOR_FIELD).length).toBe(peru.doc.getXmlFragment(EDITOR_FIELD).length));
    const shared = (mexico.doc.getXmlFragment(EDITOR_FIELD).toArray().at(-1) as Y.XmlElement).get(0) as Y.XmlText;
    for (let i = 0; i < 12; i++) {
      peruText.insert(peruText.length, ` peru${i}`);
      await new Promise((r) => setTimeout(r, 20));
      shared.insert(shared.length, ` mexico${i}`);
      await eventually(() => expect(peruText.toString()).toBe(shared.toString()));
    }
    peru.provider.destroy();
    mexico.provider.destroy();

    for (const moment of ['live', 'after restart and compaction']) {
      if (moment !== 'live') await restart();
      const authors = await authorsOfWords(plan.police.room);
      for (let i = 0; i < 12; i++) {
        expect(authors.get(`peru${i}`), `${moment}: peru${i}`).toBe(plan.ids.peru);
        expect(authors.get(`mexico${i}`), `${moment}: mexico${i}`).toBe(plan.ids.mexico);
      }
    }
    const share = await documentAttribution(server.database.db, { userId: plan.ids.observer, docId: plan.police.room });
    // The demo's own sentence is Peru's too: seeded as typed by Peru's coordinator.
    expect(share.byState.map((s) => s.label).sort()).toEqual(['Mexico', 'Peru']);
    const peruShare = share.byState.find((s) => s.label === 'Peru')!;
    const seeded = DEMO_SECTIONS.find((s) => s.lead === 'PER')!.text;
    expect(peruShare.characters).toBe(seeded.length + ' peru0 peru1 peru2 peru3 peru4 peru5 peru6 peru7 peru8 peru9 peru10 peru11'.length);
  });

  it("refuses text written under another delegation's client id, and writes to the attribution record", async () => {
    const peru = openProvider(server.url, plan.police.room, plan.cookies.peru);
    await waitForSync(peru.provider);
    appendParagraph(peru.doc).insert(0, 'genuinely Peru');
    await eventually(async () => expect((await authorsOfWords(plan.police.room)).get('genuinely')).toBe(plan.ids.peru));

    // Mexico forges an edit under Peru's client id, continuing Peru's clock.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(peru.doc));
    forged.clientID = peru.doc.clientID; // after loading: Yjs would otherwise pick a fresh id

    const before = Y.encodeStateVector(forged);
    appendParagraph(forged).insert(0, 'forgedwords');
    const raw = await openRawClient(server.url, plan.police.room, plan.cookies.mexico);
    raw.sendFrame(announce(forged)); // even claiming Peru's client id as its own
    raw.sendRawUpdate(Y.encodeStateAsUpdate(forged, before));

    // …and tries to claim its own client id for Peru in the attribution record.
    const claim = new Y.Doc();
    Y.applyUpdate(claim, Y.encodeStateAsUpdate(peru.doc));
    const claimBefore = Y.encodeStateVector(claim);
    const users = claim.getMap<Y.Map<Y.Array<number>>>('users');
    users.get(plan.ids.peru)!.get('ids')!.push([424242]);
    raw.sendRawUpdate(Y.encodeStateAsUpdate(claim, claimBefore));

    await new Promise((r) => setTimeout(r, 300));
    expect(documentText(peru.doc)).not.toContain('forgedwords');
    const recorded = await documentHost().read(plan.police.room, (_doc, people) => people.getUserByClientId(424242));
    expect(recorded).toBeNull();
    raw.close();
    peru.provider.destroy();
  });

  it('compares two versions: exactly the inserted and deleted text, with the state of each', async () => {
    const db = server.database.db;
    const brazil = openProvider(server.url, plan.victims.room, plan.cookies.brazil);
    await waitForSync(brazil.provider);
    const text = appendParagraph(brazil.doc);
    text.insert(0, 'Integrated centres for victims in every capital.');
    await new Promise((r) => setTimeout(r, 100));
    const first = await nameVersion(db, { userId: plan.ids.brazil, docId: plan.victims.room, name: 'Draft circulated 12 March' });

    text.delete(text.toString().indexOf(' in every capital'), ' in every capital'.length);
    const chair = openProvider(server.url, plan.victims.room, plan.cookies.chair);
    await waitForSync(chair.provider);
    const chairText = (chair.doc.getXmlFragment(EDITOR_FIELD).toArray().at(-1) as Y.XmlElement).get(0) as Y.XmlText;
    chairText.insert(chairText.length, ' Open around the clock.');
    await eventually(() => expect(documentText(brazil.doc)).toContain('Open around the clock.'));
    const second = await nameVersion(db, { userId: plan.ids.chair, docId: plan.victims.room, name: 'After the chair' });

    const [a, b] = await Promise.all([first, second].map((v) => getVersion(db, { userId: plan.ids.observer, docId: plan.victims.room, versionId: v.id })));
    const runs = await documentHost().read(plan.victims.room, (doc, users) =>
      changeRuns(doc, users, Y.decodeSnapshot(Buffer.from(a!.snapshot, 'base64')), Y.decodeSnapshot(Buffer.from(b!.snapshot, 'base64'))),
    );
    const changes = runs.filter((r) => r.change).map((r) => ({ text: r.text, change: r.change, userId: r.userId }));
    expect(changes).toEqual([
      { text: ' in every capital', change: 'removed', userId: plan.ids.brazil },
      { text: ' Open around the clock.', change: 'added', userId: plan.ids.chair },
    ]);
    const listed = await listVersions(db, { userId: plan.ids.observer, docId: plan.victims.room });
    expect(listed.find((v) => v.id === second.id)?.editors.map((e) => e.name).sort()).toEqual(['Coordinator of Brazil', 'Working Group Chair']);
    brazil.provider.destroy();
    chair.provider.destroy();
  });

  it('restores a version for a client that stayed and for one that joins later; every version stays viewable', async () => {
    const db = server.database.db;
    const listed = await listVersions(db, { userId: plan.ids.chair, docId: plan.victims.room });
    const target = listed.find((v) => v.name === 'Draft circulated 12 March')!;
    const stayed = openProvider(server.url, plan.victims.room, plan.cookies.brazil);
    await waitForSync(stayed.provider);
    const current = documentText(stayed.doc);
    expect(current).toContain('Open around the clock.');

    await expect(restoreVersion(db, { userId: plan.ids.brazil, docId: plan.victims.room, versionId: target.id })).rejects.toThrow(/may not/);
    await restoreVersion(db, { userId: plan.ids.chair, docId: plan.victims.room, versionId: target.id });
    const version = await getVersion(db, { userId: plan.ids.chair, docId: plan.victims.room, versionId: target.id });
    const targetText = await documentHost().read(plan.victims.room, (doc) => documentText(contentAt(doc, Buffer.from(version.snapshot, 'base64'))));
    expect(targetText).toContain('Integrated centres for victims in every capital.');
    await eventually(() => expect(documentText(stayed.doc)).toBe(targetText));

    const later = openProvider(server.url, plan.victims.room, plan.cookies.observer);
    await waitForSync(later.provider);
    expect(documentText(later.doc)).toBe(targetText);

    const after = await listVersions(db, { userId: plan.ids.chair, docId: plan.victims.room });
    expect(after.map((v) => v.name)).toEqual(expect.arrayContaining(['Before restore', 'After the chair', 'Restored “Draft circulated 12 March”']));
    const beforeRestore = after.find((v) => v.name === 'Before restore')!;
    const view = await getVersion(db, { userId: plan.ids.observer, docId: plan.victims.room, versionId: beforeRestore.id });
    const rendered = await documentHost().read(plan.victims.room, (doc) => documentText(contentAt(doc, Buffer.from(view.snapshot, 'base64'))));
    expect(rendered).toBe(current);
    stayed.provider.destroy();
    later.provider.destroy();
  });

  it('saves a version automatically when a room goes idle, and old versions still render after compaction', async () => {
    const db = server.database.db;
    const canada = openProvider(server.url, plan.canada.room, plan.cookies.canada);
    await waitForSync(canada.provider);
    appendParagraph(canada.doc).insert(0, 'Common indicators for homicide statistics.');
    await new Promise((r) => setTimeout(r, 100));
    canada.provider.destroy();
    const auto = await eventually(async () => {
      const list = await listVersions(db, { userId: plan.ids.canada, docId: plan.canada.room });
      const found = list.find((v) => v.kind === 'auto');
      expect(found?.editors.map((e) => e.name)).toEqual(['Coordinator of Canada']);
      return found!;
    }, 5_000);
    const textThen = await documentHost().read(plan.canada.room, (doc) => documentText(doc));

    const writer = openProvider(server.url, plan.canada.room, plan.cookies.canada);
    await waitForSync(writer.provider);
    const text = appendParagraph(writer.doc);
    for (let i = 0; i < 30; i++) {
      text.insert(text.length, ` more${i}`);
      await new Promise((r) => setTimeout(r, 60)); // separate flushes, so compaction runs
    }
    writer.provider.destroy();
    await restart();
    const view = await getVersion(server.database.db, { userId: plan.ids.observer, docId: plan.canada.room, versionId: auto.id });
    const rendered = await documentHost().read(plan.canada.room, (doc) => documentText(contentAt(doc, Buffer.from(view.snapshot, 'base64'))));
    expect(rendered).toBe(textThen);
    expect(await documentHost().read(plan.canada.room, (doc) => documentText(doc))).toContain('more29');
  });

  it('names a version of the whole plan: the goal and every section at one instant (chair only)', async () => {
    const db = server.database.db;
    await expect(namePlanVersion(db, { userId: plan.ids.peru, planId: plan.planId, name: 'Peru tries' })).rejects.toThrow(/may not/);
    const { id } = await namePlanVersion(db, { userId: plan.ids.chair, planId: plan.planId, name: 'Draft circulated 12 March' });
    const rows = await db.select().from(versions).where(eq(versions.planVersionId, id));
    const sectionCount = (await db.select().from(sections).where(eq(sections.planId, plan.planId))).length;
    expect(rows.map((r) => r.docId).sort()).toEqual([plan.goalRoom, ...(await db.select().from(sections).where(eq(sections.planId, plan.planId))).map((s) => `section-${s.id}`)].sort());
    expect(rows).toHaveLength(sectionCount + 1);
    expect((await listPlanVersions(db, { userId: plan.ids.observer, planId: plan.planId })).map((v) => v.name)).toContain('Draft circulated 12 March');
  });
});
