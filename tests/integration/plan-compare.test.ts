import { beforeAll, describe, expect, it } from 'vitest';
import { documentHost } from '../../lib/documents/live-documents';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import { comparePlanVersions } from '../../lib/versions/compare-plan-versions';
import { namePlanVersion } from '../../lib/versions/name-plan-version';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { documentText } from '../../lib/documents/paragraphs';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';

describe('comparing two named versions of the plan', () => {
  const t = useCollabServer();
  let plan: BuiltPlan;
  let peru: BuiltMember;
  let mexico: BuiltMember;
  let observer: BuiltMember;
  let police: BuiltSection;
  let victims: BuiltSection;
  let march: string;
  let april: string;
  let statistics: BuiltSection;
  let brazilCookie: string;

  beforeAll(async () => {
    const db = t.db;
    plan = await buildPlan(db);
    peru = await buildMember(db, { plan, state: 'PER' });
    mexico = await buildMember(db, { plan, state: 'MEX' });
    const brazil = await buildMember(db, { plan, state: 'BRA' });
    brazilCookie = brazil.cookie;
    observer = await buildMember(db, { plan, role: 'observer' });
    police = await buildSection(db, {
      plan,
      lead: peru,
      coEditors: [mexico],
      text: ['Peru proposes a regional police curriculum.', 'Mexico asks for yearly evaluations.'],
    });
    victims = await buildSection(db, { plan, lead: brazil, text: ['Brazil proposes centres for victims.'] });
    march = (await namePlanVersion(db, { userId: plan.chair.id, planId: plan.id, name: 'March draft' })).id;

    await documentHost().change(police.room, peru.id, (copy) => {
      appendParagraph(copy, 'Peru adds exchanges between academies.');
    });
    await documentHost().change(police.room, mexico.id, (copy) => {
      copy.getXmlFragment(EDITOR_FIELD).delete(0, 1);
    });
    statistics = await buildSection(db, { plan, lead: mexico, text: ['Mexico proposes common statistics.'] });
    april = (await namePlanVersion(db, { userId: plan.chair.id, planId: plan.id, name: 'April draft' })).id;
  });

  it('lists per section the text added and removed between them, by state', async () => {
    const compared = await comparePlanVersions(t.db, {
      userId: observer.id,
      planId: plan.id,
      fromId: march,
      toId: april,
    });
    expect(compared.from.name).toBe('March draft');
    expect(compared.to.name).toBe('April draft');
    expect(compared.sections.map((s) => s.sectionId)).toEqual([null, police.id, victims.id, statistics.id]);

    const [goal, policeChanges, victimsChanges, statisticsChanges] = compared.sections;
    expect(goal).toMatchObject({ added: [], removed: [] });
    expect(compared.sections.map((s) => s.number)).toEqual([null, 1, 2, 3]);
    expect(policeChanges).toMatchObject({
      presence: 'both',
      leadState: 'PER',
      added: [{ text: 'Peru adds exchanges between academies.', state: 'PER' }],
      // Peru wrote the paragraph; Mexico deleted it: a removal is the deleting state's.
      removed: [{ text: 'Peru proposes a regional police curriculum.', state: 'MEX' }],
    });
    expect(policeChanges!.byState).toEqual(
      expect.arrayContaining([
        { state: 'PER', addedWords: 5, removedWords: 0, movedWords: 0 },
        { state: 'MEX', addedWords: 0, removedWords: 6, movedWords: 0 },
      ]),
    );
    expect(victimsChanges).toMatchObject({ presence: 'both', added: [], removed: [], byState: [] });
    expect(statisticsChanges).toMatchObject({
      presence: 'added',
      added: [{ text: 'Mexico proposes common statistics.', state: 'MEX' }],
    });

    const back = await comparePlanVersions(t.db, { userId: observer.id, planId: plan.id, fromId: april, toId: march });
    expect(back.sections.find((s) => s.sectionId === statistics.id)).toMatchObject({
      presence: 'removed',
      removed: [{ text: 'Mexico proposes common statistics.' }],
    });
  });

  it('attributes words typed through a real connection to the typing state', async () => {
    const db = t.db;
    const first = (await namePlanVersion(db, { userId: plan.chair.id, planId: plan.id, name: 'May draft' })).id;
    const typing = openProvider(t.server.url, victims.room, brazilCookie);
    await waitForSync(typing.provider);
    const text = appendParagraph(typing.doc);
    for (const word of ['Brazil ', 'adds ', 'shelters.']) text.insert(text.length, word);
    await eventually(async () =>
      expect(await documentHost().read(victims.room, (doc) => documentText(doc))).toContain('Brazil adds shelters.'),
    );
    const second = (await namePlanVersion(db, { userId: plan.chair.id, planId: plan.id, name: 'June draft' })).id;
    typing.provider.destroy();
    const compared = await comparePlanVersions(db, {
      userId: observer.id,
      planId: plan.id,
      fromId: first,
      toId: second,
    });
    expect(compared.sections.find((s) => s.sectionId === victims.id)).toMatchObject({
      added: [{ text: 'Brazil adds shelters.', state: 'BRA' }],
      removed: [],
    });
  });

  it('shows a passage the chair moved to another section as moved, not as removed and added', async () => {
    const db = t.db;
    const before = (await namePlanVersion(db, { userId: plan.chair.id, planId: plan.id, name: 'Before the move' })).id;
    const moving = 'Mexico asks for yearly evaluations.';
    await documentHost().change(police.room, plan.chair.id, (copy) => {
      const fragment = copy.getXmlFragment(EDITOR_FIELD);
      const at = fragment.toArray().findIndex((p) => p.toString().includes('yearly'));
      fragment.delete(at, 1);
    });
    // Moved with a word changed on the way, next to a passage of Brazil's own.
    await documentHost().change(victims.room, plan.chair.id, (copy) => {
      appendParagraph(copy, 'Mexico asks for yearly evaluations of the centres.');
    });
    await documentHost().change(victims.room, plan.chair.id, (copy) => {
      appendParagraph(copy, 'The chair notes that shelters need funding.');
    });
    const after = (await namePlanVersion(db, { userId: plan.chair.id, planId: plan.id, name: 'After the move' })).id;
    const compared = await comparePlanVersions(db, {
      userId: observer.id,
      planId: plan.id,
      fromId: before,
      toId: after,
    });
    const from = compared.sections.find((s) => s.sectionId === police.id)!;
    const to = compared.sections.find((s) => s.sectionId === victims.id)!;
    expect(from.removed).toEqual([
      expect.objectContaining({
        text: moving,
        moved: { sectionId: victims.id, number: 2, title: victims.title, partly: false },
      }),
    ]);
    expect(to.added).toEqual([
      expect.objectContaining({
        text: expect.stringContaining('yearly evaluations of the centres'),
        // Its words and the chair's next paragraph read as one passage: it holds the moved words.
        moved: { sectionId: police.id, number: 1, title: police.title, partly: true },
      }),
    ]);
    // The words moved whole count as moved where they left, not as removed; the passage that only holds
    // them still counts as added.
    expect(from.byState).toEqual([{ state: null, addedWords: 0, removedWords: 0, movedWords: 5 }]);
    expect(to.byState).toEqual([{ state: null, addedWords: 15, removedWords: 0, movedWords: 0 }]);
  });

  it('is for members only, and names an unknown version as such', async () => {
    const outsider = await buildMember(t.db, { plan: await buildPlan(t.db), state: 'CAN' });
    await expect(
      comparePlanVersions(t.db, { userId: outsider.id, planId: plan.id, fromId: march, toId: april }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const otherPlan = await buildPlan(t.db);
    const elsewhere = (await namePlanVersion(t.db, { userId: otherPlan.chair.id, planId: otherPlan.id, name: 'X' })).id;
    await expect(
      comparePlanVersions(t.db, { userId: observer.id, planId: plan.id, fromId: march, toId: elsewhere }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
