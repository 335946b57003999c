import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changeRuns } from '../../lib/documents/change-runs';
import { contentAt } from '../../lib/documents/snapshots';
import { documentHost } from '../../lib/documents/live-documents';
import { documentText } from '../../lib/documents/paragraphs';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import { documentAttribution } from '../../lib/versions/section-attribution';
import { getVersion } from '../../lib/versions/get-version';
import { listPlanVersions } from '../../lib/versions/list-plan-versions';
import { listVersions } from '../../lib/versions/list-versions';
import { namePlanVersion } from '../../lib/versions/name-plan-version';
import { nameVersion } from '../../lib/versions/name-version';
import { restoreVersion } from '../../lib/versions/restore-version';
import { saveVersion } from '../../lib/versions/save-version';
import { sections, versions } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { buildPlan, buildSection, type BuiltPlan, type BuiltSection } from '../factories';
import { authorsOfWords } from '../helpers/authors';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { liveText } from '../helpers/live-text';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { announce, openRawClient } from '../helpers/raw-client';
import { storedText } from '../helpers/stored-text';
import { buildDelegations, type Delegations } from '../helpers/working-group';

const POLICE_TEXT =
  'Peru proposes a regional curriculum for police training grounded in human rights and community policing.';

describe('attribution and version history', () => {
  const t = useCollabServer({ COLLAB_COMPACT_AFTER: '5' });
  let plan: BuiltPlan;
  const people = {} as Delegations;
  const built = {} as Record<'police' | 'victims' | 'canada', BuiltSection>;

  beforeAll(async () => {
    plan = await buildPlan(t.db);
    Object.assign(people, await buildDelegations(t.db, plan));
    built.police = await buildSection(t.db, {
      plan,
      lead: people.peru,
      coEditors: [people.mexico],
      text: [POLICE_TEXT],
    });
    built.victims = await buildSection(t.db, {
      plan,
      lead: people.brazil,
      text: ['Brazil proposes integrated assistance centres for victims of violence.'],
    });
    built.canada = await buildSection(t.db, {
      plan,
      lead: people.canada,
      text: ['Canada proposes common indicators for citizen-security statistics.'],
    });
  });

  it('attributes every word to the state that typed it, through a restart and compaction', async () => {
    const peru = openProvider(t.server.url, built.police.room, people.peru.cookie);
    const mexico = openProvider(t.server.url, built.police.room, people.mexico.cookie);
    await Promise.all([waitForSync(peru.provider), waitForSync(mexico.provider)]);
    const peruText = appendParagraph(peru.doc);
    await eventually(() =>
      expect(mexico.doc.getXmlFragment(EDITOR_FIELD).length).toBe(peru.doc.getXmlFragment(EDITOR_FIELD).length),
    );
    const shared = (mexico.doc.getXmlFragment(EDITOR_FIELD).toArray().at(-1) as Y.XmlElement).get(0) as Y.XmlText;
    for (let i = 0; i < 12; i++) {
      peruText.insert(peruText.length, ` peru${i}`);
      await eventually(() => expect(shared.toString()).toContain(` peru${i}`));
      shared.insert(shared.length, ` mexico${i}`);
      await eventually(() => expect(peruText.toString()).toBe(shared.toString()));
    }
    peru.provider.destroy();
    mexico.provider.destroy();

    for (const moment of ['live', 'after restart and compaction']) {
      if (moment !== 'live') await t.restart();
      const authors = await authorsOfWords(built.police.room);
      for (let i = 0; i < 12; i++) {
        expect(authors.get(`peru${i}`), `${moment}: peru${i}`).toBe(people.peru.id);
        expect(authors.get(`mexico${i}`), `${moment}: mexico${i}`).toBe(people.mexico.id);
      }
    }
    const share = await documentAttribution(t.db, { userId: people.observer.id, docId: built.police.room });
    // The section's first sentence is Peru's too: written by Peru's coordinator.
    expect(share.byState.map((s) => s.label).sort()).toEqual(['Mexico', 'Peru']);
    const peruShare = share.byState.find((s) => s.label === 'Peru')!;
    expect(peruShare.characters).toBe(
      POLICE_TEXT.length + ' peru0 peru1 peru2 peru3 peru4 peru5 peru6 peru7 peru8 peru9 peru10 peru11'.length,
    );
  });

  it("refuses text written under another delegation's client id, and writes to the attribution record", async () => {
    const peru = openProvider(t.server.url, built.police.room, people.peru.cookie);
    await waitForSync(peru.provider);
    appendParagraph(peru.doc).insert(0, 'genuinely Peru');
    await eventually(async () =>
      expect((await authorsOfWords(built.police.room)).get('genuinely')).toBe(people.peru.id),
    );

    // Mexico forges an edit under Peru's client id, continuing Peru's clock.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(peru.doc));
    forged.clientID = peru.doc.clientID; // after loading: Yjs would otherwise pick a fresh id

    const before = Y.encodeStateVector(forged);
    appendParagraph(forged).insert(0, 'forgedwords');
    const raw = await openRawClient(t.server.url, built.police.room, people.mexico.cookie);
    raw.sendFrame(announce(forged)); // even claiming Peru's client id as its own
    raw.sendRawUpdate(Y.encodeStateAsUpdate(forged, before));

    // …and tries to claim its own client id for Peru in the attribution record.
    const claim = new Y.Doc();
    Y.applyUpdate(claim, Y.encodeStateAsUpdate(peru.doc));
    const claimBefore = Y.encodeStateVector(claim);
    const users = claim.getMap<Y.Map<Y.Array<number>>>('users');
    users.get(people.peru.id)!.get('ids')!.push([424242]);
    raw.sendRawUpdate(Y.encodeStateAsUpdate(claim, claimBefore));

    expect(await raw.saveCheck(1)).toBe('dropped');
    expect(await liveText(built.police.room)).not.toContain('forgedwords');
    expect(documentText(peru.doc)).not.toContain('forgedwords');
    const recorded = await documentHost().read(built.police.room, (_doc, record) => record.getUserByClientId(424242));
    expect(recorded).toBeNull();
    raw.close();
    peru.provider.destroy();
  });

  it('compares two versions: exactly the inserted and deleted text, with the state of each', async () => {
    const db = t.db;
    const brazil = openProvider(t.server.url, built.victims.room, people.brazil.cookie);
    await waitForSync(brazil.provider);
    const text = appendParagraph(brazil.doc);
    text.insert(0, 'Integrated centres for victims in every capital.');
    await eventually(async () =>
      expect(await liveText(built.victims.room)).toContain('Integrated centres for victims in every capital.'),
    );
    const first = await nameVersion(db, {
      userId: people.brazil.id,
      docId: built.victims.room,
      name: 'Draft circulated 12 March',
    });

    text.delete(text.toString().indexOf(' in every capital'), ' in every capital'.length);
    const chair = openProvider(t.server.url, built.victims.room, plan.chair.cookie);
    await waitForSync(chair.provider);
    const chairText = (chair.doc.getXmlFragment(EDITOR_FIELD).toArray().at(-1) as Y.XmlElement).get(0) as Y.XmlText;
    chairText.insert(chairText.length, ' Open around the clock.');
    await eventually(() => expect(documentText(brazil.doc)).toContain('Open around the clock.'));
    const second = await nameVersion(db, { userId: plan.chair.id, docId: built.victims.room, name: 'After the chair' });

    const [a, b] = await Promise.all(
      [first, second].map((v) =>
        getVersion(db, { userId: people.observer.id, docId: built.victims.room, versionId: v.id }),
      ),
    );
    const runs = await documentHost().read(built.victims.room, (doc, users) =>
      changeRuns(
        doc,
        users,
        Y.decodeSnapshot(Buffer.from(a!.snapshot, 'base64')),
        Y.decodeSnapshot(Buffer.from(b!.snapshot, 'base64')),
      ),
    );
    const changes = runs.filter((r) => r.change).map((r) => ({ text: r.text, change: r.change, userId: r.userId }));
    expect(changes).toEqual([
      { text: ' in every capital', change: 'removed', userId: people.brazil.id },
      { text: ' Open around the clock.', change: 'added', userId: plan.chair.id },
    ]);
    const listed = await listVersions(db, { userId: people.observer.id, docId: built.victims.room });
    expect(
      listed
        .find((v) => v.id === second.id)
        ?.editors.map((e) => e.name)
        .sort(),
    ).toEqual([people.brazil.name, plan.chair.name].sort());
    brazil.provider.destroy();
    chair.provider.destroy();
  });

  it('restores a version for a client that stayed and for one that joins later; every version stays viewable', async () => {
    const db = t.db;
    const listed = await listVersions(db, { userId: plan.chair.id, docId: built.victims.room });
    const target = listed.find((v) => v.name === 'Draft circulated 12 March')!;
    const stayed = openProvider(t.server.url, built.victims.room, people.brazil.cookie);
    await waitForSync(stayed.provider);
    const current = documentText(stayed.doc);
    expect(current).toContain('Open around the clock.');

    await expect(
      restoreVersion(db, { userId: people.mexico.id, docId: built.victims.room, versionId: target.id }),
    ).rejects.toThrow(/does not allow/);
    await restoreVersion(db, { userId: plan.chair.id, docId: built.victims.room, versionId: target.id });
    const version = await getVersion(db, { userId: plan.chair.id, docId: built.victims.room, versionId: target.id });
    const targetText = await documentHost().read(built.victims.room, (doc) =>
      documentText(contentAt(doc, Buffer.from(version.snapshot, 'base64'))),
    );
    expect(targetText).toContain('Integrated centres for victims in every capital.');
    await eventually(() => expect(documentText(stayed.doc)).toBe(targetText));

    const later = openProvider(t.server.url, built.victims.room, people.observer.cookie);
    await waitForSync(later.provider);
    expect(documentText(later.doc)).toBe(targetText);

    const after = await listVersions(db, { userId: plan.chair.id, docId: built.victims.room });
    expect(after.map((v) => v.name)).toEqual(
      expect.arrayContaining(['Before restore', 'After the chair', 'Restored “Draft circulated 12 March”']),
    );
    const beforeRestore = after.find((v) => v.name === 'Before restore')!;
    const view = await getVersion(db, {
      userId: people.observer.id,
      docId: built.victims.room,
      versionId: beforeRestore.id,
    });
    const rendered = await documentHost().read(built.victims.room, (doc) =>
      documentText(contentAt(doc, Buffer.from(view.snapshot, 'base64'))),
    );
    expect(rendered).toBe(current);
    stayed.provider.destroy();
    later.provider.destroy();
  });

  it("lets the lead state's coordinator restore their own section; a co-editing state and observers may not", async () => {
    const db = t.db;
    const room = built.police.room;
    const { id: versionId } = await nameVersion(db, {
      userId: people.peru.id,
      docId: room,
      name: 'Peru before review',
    });
    const before = await documentHost().read(room, (doc) => documentText(doc));
    await documentHost().change(room, people.mexico.id, (copy) => {
      appendParagraph(copy, 'Mexico adds a paragraph Peru will take back.');
    });
    expect(await documentHost().read(room, (doc) => documentText(doc))).toContain('Mexico adds a paragraph');

    for (const who of [people.mexico, people.observer, people.brazil])
      await expect(restoreVersion(db, { userId: who.id, docId: room, versionId })).rejects.toThrow(/does not allow/);
    expect(await documentHost().read(room, (doc) => documentText(doc))).toContain('Mexico adds a paragraph');

    await restoreVersion(db, { userId: people.peru.id, docId: room, versionId });
    expect(await documentHost().read(room, (doc) => documentText(doc))).toBe(before);
    const listed = await listVersions(db, { userId: people.observer.id, docId: room });
    expect(listed[0]).toMatchObject({ kind: 'restore', name: 'Restored “Peru before review”' });
  });

  it('lists the same text once: an automatic version of unchanged text is the version before it', async () => {
    const db = t.db;
    const section = await buildSection(db, { plan, lead: people.canada, text: ['Canada proposes a shared registry.'] });
    const room = section.room;
    const autoVersion = () =>
      documentHost().read(room, (doc, users) => saveVersion(db, { docId: room, doc, users, kind: 'auto' }));
    const first = await autoVersion();
    // Typed and taken back: a new instant of the document, the same text.
    await documentHost().change(room, people.canada.id, (copy) => {
      appendParagraph(copy, 'A sentence Canada thinks better of.');
    });
    await documentHost().change(room, people.canada.id, (copy) => {
      const fragment = copy.getXmlFragment(EDITOR_FIELD);
      fragment.delete(fragment.length - 1, 1);
    });
    expect(await autoVersion()).toEqual(first);
    expect((await listVersions(db, { userId: people.observer.id, docId: room })).map((v) => v.id)).toEqual([first.id]);

    await documentHost().change(room, people.canada.id, (copy) => {
      appendParagraph(copy, 'Canada adds a review every two years.');
    });
    const second = await autoVersion();
    expect(second.id).not.toBe(first.id);
    expect((await listVersions(db, { userId: people.observer.id, docId: room })).map((v) => v.id)).toEqual([
      second.id,
      first.id,
    ]);
  });

  it('saves a version automatically when a room goes idle, and old versions still render after compaction', async () => {
    const db = t.db;
    const canada = openProvider(t.server.url, built.canada.room, people.canada.cookie);
    await waitForSync(canada.provider);
    appendParagraph(canada.doc).insert(0, 'Common indicators for homicide statistics.');
    await eventually(async () =>
      expect(await liveText(built.canada.room)).toContain('Common indicators for homicide statistics.'),
    );
    canada.provider.destroy();
    const auto = await eventually(async () => {
      const list = await listVersions(db, { userId: people.canada.id, docId: built.canada.room });
      const found = list.find((v) => v.kind === 'auto');
      expect(found?.editors.map((e) => e.name)).toEqual([people.canada.name]);
      return found!;
    }, 5_000);
    const textThen = await documentHost().read(built.canada.room, (doc) => documentText(doc));

    const writer = openProvider(t.server.url, built.canada.room, people.canada.cookie);
    await waitForSync(writer.provider);
    const text = appendParagraph(writer.doc);
    for (let i = 0; i < 30; i++) {
      text.insert(text.length, ` more${i}`);
      // Stored before the next word: separate flushes, so compaction runs.
      await eventually(async () => expect(await storedText(t.db, built.canada.room)).toContain(` more${i}`));
    }
    writer.provider.destroy();
    await t.restart();
    const view = await getVersion(t.db, { userId: people.observer.id, docId: built.canada.room, versionId: auto.id });
    const rendered = await documentHost().read(built.canada.room, (doc) =>
      documentText(contentAt(doc, Buffer.from(view.snapshot, 'base64'))),
    );
    expect(rendered).toBe(textThen);
    expect(await documentHost().read(built.canada.room, (doc) => documentText(doc))).toContain('more29');
  });

  it('names a version of the whole plan: the goal and every section at one instant (chair only)', async () => {
    const db = t.db;
    await expect(namePlanVersion(db, { userId: people.peru.id, planId: plan.id, name: 'Peru tries' })).rejects.toThrow(
      /does not allow/,
    );
    const { id } = await namePlanVersion(db, {
      userId: plan.chair.id,
      planId: plan.id,
      name: 'Draft circulated 12 March',
    });
    const rows = await db.select().from(versions).where(eq(versions.planVersionId, id));
    const sectionCount = (await db.select().from(sections).where(eq(sections.planId, plan.id))).length;
    expect(rows.map((r) => r.docId).sort()).toEqual(
      [
        plan.goalRoom,
        ...(await db.select().from(sections).where(eq(sections.planId, plan.id))).map((s) => `section-${s.id}`),
      ].sort(),
    );
    expect(rows).toHaveLength(sectionCount + 1);
    expect((await listPlanVersions(db, { userId: people.observer.id, planId: plan.id })).map((v) => v.name)).toContain(
      'Draft circulated 12 March',
    );
  });
});
