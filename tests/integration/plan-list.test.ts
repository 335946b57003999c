import { beforeAll, describe, expect, it } from 'vitest';
import { refreshOverlaps } from '../../lib/consolidation/refresh-overlaps';
import { postComment } from '../../lib/discussion/post-comment';
import { listPlans } from '../../lib/plans/list-plans';
import { recordSectionVisits } from '../../lib/plans/section-visits';
import { buildPlan, buildSection, type BuiltPlan, type BuiltSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { buildDelegations, type Delegations } from '../helpers/working-group';

/** What people see of their plans on the plans page: activity, their sections, open overlaps, unread messages. */
describe('the list of plans', () => {
  const t = useCollabServer();
  let plan: BuiltPlan, quiet: BuiltPlan;
  const people = {} as Delegations;
  let police: BuiltSection, victims: BuiltSection;

  beforeAll(async () => {
    plan = await buildPlan(t.db, { title: 'Busy plan' });
    Object.assign(people, await buildDelegations(t.db, plan));
    const text = 'a regional curriculum for police training grounded in human rights and community policing.';
    police = await buildSection(t.db, {
      plan,
      lead: people.peru,
      coEditors: [people.mexico],
      text: [`Peru proposes ${text}`],
    });
    victims = await buildSection(t.db, { plan, lead: people.brazil, text: ['Brazil proposes assistance centres.'] });
    await buildSection(t.db, { plan, lead: people.mexico, text: [`Develop ${text}`] });
    await refreshOverlaps(t.db, plan.id);
    // Created after the busy plan, by the same administrator, with nothing happening in it.
    quiet = await buildPlan(t.db, { title: 'Quiet plan', admin: plan.admin });
  });

  it("names the last editor, counts one's sections, open overlaps and messages not yet seen", async () => {
    const writer = openProvider(t.server.url, police.room, people.mexico.cookie);
    await waitForSync(writer.provider);
    appendParagraph(writer.doc, 'Mexico adds a sentence.');
    await t.server.collab.flush();
    writer.provider.destroy();
    await postComment(t.db, { userId: people.peru.id, sectionId: police.id, body: 'First message.' });
    await postComment(t.db, { userId: people.brazil.id, sectionId: victims.id, body: 'Second message.' });

    await eventually(async () => {
      const [busy] = await listPlans(t.db, people.mexico.id);
      expect(busy).toMatchObject({ id: plan.id, lastEditor: people.mexico.name, mySections: 2 });
    });
    const [forMexico] = await listPlans(t.db, people.mexico.id);
    expect(forMexico!.openOverlaps).toBeGreaterThan(0);
    expect(forMexico!.unreadMessages).toBe(2);
    expect(Date.parse(forMexico!.lastEditAt!)).toBeGreaterThan(Date.now() - 60_000);
    // Peru wrote one of the two: only the other is unread; the observer drafts no section.
    expect((await listPlans(t.db, people.peru.id))[0]).toMatchObject({ mySections: 1, unreadMessages: 1 });
    expect((await listPlans(t.db, people.observer.id))[0]).toMatchObject({ mySections: 0, unreadMessages: 2 });

    // Having the section open since the message counts as having seen it.
    await recordSectionVisits(t.db, [{ userId: people.mexico.id, sectionId: police.id, at: new Date() }]);
    expect((await listPlans(t.db, people.mexico.id))[0]!.unreadMessages).toBe(1);
  });

  it('puts the plan with the latest activity first, before a plan created after it', async () => {
    // The quiet plan is newer than the busy one, but the busy one was edited and talked about since.
    const listed = await listPlans(t.db, plan.admin.id);
    expect(listed.map((p) => p.id)).toEqual([plan.id, quiet.id]);
    expect(listed[0]).toMatchObject({ role: 'admin', mySections: 0 });
    expect(listed[1]).toMatchObject({ lastEditAt: null, lastEditor: null, openOverlaps: 0, unreadMessages: 0 });
    expect(Date.parse(listed[0]!.lastActivityAt)).toBeGreaterThan(Date.parse(listed[1]!.lastActivityAt));
  });
});
