import type * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPlanOverlaps } from '../../lib/consolidation/list-overlaps';
import { refreshOverlaps } from '../../lib/consolidation/refresh-overlaps';
import { postComment } from '../../lib/discussion/post-comment';
import { resolveOverlap } from '../../lib/consolidation/resolve-overlap';
import { planActivity, readPlanActivity, type PlanActivity } from '../../lib/plans/plan-activity';
import { updateSection } from '../../lib/plans/update-section';
import { PLAN_ACTIVITY_MESSAGE, readPlanActivityMessage } from '../../lib/shared/app-messages';
import { FOLLOW_PLAN_PARAMS } from '../../lib/shared/rooms';
import { buildPlan, buildSection, buildUser, type BuiltPlan, type BuiltSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { buildDelegations, type Delegations } from '../helpers/working-group';

const INTERVAL_MS = 200;

describe('a plan page kept current by the server', () => {
  const t = useCollabServer({ COLLAB_ACTIVITY_MS: String(INTERVAL_MS) });
  let plan: BuiltPlan;
  const people = {} as Delegations;
  const built = {} as Record<'police' | 'victims', BuiltSection>;

  beforeAll(async () => {
    plan = await buildPlan(t.db);
    Object.assign(people, await buildDelegations(t.db, plan));
    const text = 'a regional curriculum for police training grounded in human rights and community policing.';
    built.police = await buildSection(t.db, { plan, lead: people.peru, text: [`Peru proposes ${text}`] });
    built.victims = await buildSection(t.db, {
      plan,
      lead: people.brazil,
      text: ['Brazil proposes integrated assistance centres for victims of violence.'],
    });
    // The same proposal in other words: an overlap once the plan is analysed.
    await buildSection(t.db, { plan, lead: people.mexico, text: [`Develop ${text}`] });
  });
  const providers: Array<ReturnType<typeof openProvider>> = [];
  const open = (room: string, cookie: string, params?: Record<string, string>) => {
    const client = openProvider(t.server.url, room, cookie, params);
    providers.push(client);
    return client;
  };
  /** A plan page's connection to the goal room, and what it is sent about the plan. */
  const followPlan = async (cookie: string) => {
    const page = open(plan.goalRoom, cookie, FOLLOW_PLAN_PARAMS);
    const received: PlanActivity[] = [];
    page.provider.messageHandlers[PLAN_ACTIVITY_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      received.push(readPlanActivityMessage(decoder) as PlanActivity);
    };
    await waitForSync(page.provider);
    return { received, provider: page.provider };
  };

  afterAll(async () => {
    for (const client of providers) client.provider.destroy();
  });

  it('is sent who is in each section and its word count as they change, and nothing while nothing does', async () => {
    const { received, provider } = await followPlan(people.observer.cookie);
    // A section page shows the goal too, without following the plan: it is sent none of this.
    const sectionPage = open(plan.goalRoom, people.mexico.cookie);
    let sentToSectionPage = 0;
    sectionPage.provider.messageHandlers[PLAN_ACTIVITY_MESSAGE] = () => void sentToSectionPage++;
    await waitForSync(sectionPage.provider);
    const victims = () => received.at(-1)?.sections.find((s) => s.id === built.victims.id);
    await eventually(() => expect(victims()).toMatchObject({ people: [], observing: 0 }));
    expect(received.at(-1)!.openOverlaps).toBe(0);
    const overlapsBefore = received.at(-1)!.overlapsRevision;
    await refreshOverlaps(t.db, plan.id);
    await eventually(() => expect(received.at(-1)!.openOverlaps).toBeGreaterThan(0));
    const found = received.at(-1)!;
    expect(found.overlapsRevision).not.toBe(overlapsBefore);
    const [first] = (await listPlanOverlaps(t.db, { userId: plan.chair.id, planId: plan.id })).overlaps;
    await resolveOverlap(t.db, { userId: plan.chair.id, overlapId: first!.id, resolution: { kind: 'dismiss' } });
    await eventually(() => expect(received.at(-1)).toMatchObject({ openOverlaps: found.openOverlaps - 1 }));
    expect(received.at(-1)!.overlapsRevision).not.toBe(found.overlapsRevision);
    // The overlaps board fetches the list and then only when this changes: both must tell it alike.
    const listed = await listPlanOverlaps(t.db, { userId: people.observer.id, planId: plan.id });
    expect(listed.revision).toBe(received.at(-1)!.overlapsRevision);
    const wordsBefore = victims()!.words ?? 0;

    const brazil = open(built.victims.room, people.brazil.cookie);
    const observer = open(built.victims.room, people.observer.cookie);
    await Promise.all([waitForSync(brazil.provider), waitForSync(observer.provider)]);
    appendParagraph(brazil.doc, 'Brazil adds five more words.');
    await eventually(() => {
      expect(victims()).toMatchObject({ words: wordsBefore + 5, observing: 1 });
      expect(victims()!.people).toEqual([
        { name: people.brazil.name, role: 'coordinator', state: { code: 'BRA', name: 'Brazil' } },
      ]);
    });
    // Counted at most every 5 s, and still counted once typing stops within that time.
    appendParagraph(brazil.doc, 'And three more.');
    await eventually(() => expect(victims()!.words).toBe(wordsBefore + 8), 10_000);
    expect(victims()).toMatchObject({ messages: 0, lastMessageAt: null });
    const posted = await postComment(t.db, {
      userId: people.canada.id,
      sectionId: built.victims.id,
      body: 'Canada supports this.',
    });
    await eventually(() => expect(victims()).toMatchObject({ messages: 1, lastMessageAt: posted.createdAt }));

    const sent = received.length;
    // The wait is the point: nothing may be sent during it.
    const quiet = () => new Promise((resolve) => setTimeout(resolve, 5 * INTERVAL_MS));
    await quiet();
    expect(received.length, 'sent again while nothing changed').toBe(sent);
    // A page back from a lost connection is sent the plan as it is, once, in case it missed a change.
    provider.disconnect();
    provider.connect();
    await waitForSync(provider);
    await eventually(() => expect(received.length).toBe(sent + 1));
    await quiet();
    expect(received.length).toBe(sent + 1);

    brazil.provider.destroy();
    observer.provider.destroy();
    await eventually(() => expect(victims()).toMatchObject({ people: [], observing: 0 }));
    expect(sentToSectionPage).toBe(0);
  });

  it('is read for a page by members only', async () => {
    const db = t.db;
    const outsider = await buildUser(db);
    await expect(readPlanActivity(db, { userId: outsider.id, planId: plan.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    const read = await readPlanActivity(db, { userId: people.observer.id, planId: plan.id });
    expect(read.sections.map((s) => s.id)).toEqual((await planActivity(db, plan.id))!.sections.map((s) => s.id));
    expect(read.sections.map((s) => s.id)).toContain(built.victims.id);
  });

  it('holds the revision a page rendered now holds, and another once the plan itself changes', async () => {
    const rendered = (await planActivity(t.db, plan.id))!;
    const { received } = await followPlan(people.peru.cookie);
    const police = () => received.at(-1)?.sections.find((s) => s.id === built.police.id);

    const peru = open(built.police.room, people.peru.cookie);
    await waitForSync(peru.provider);
    appendParagraph(peru.doc, 'Peru types.');
    const wordsBefore = rendered.sections.find((s) => s.id === built.police.id)!.words ?? 0;
    await eventually(() => expect(police()?.words).toBe(wordsBefore + 2));
    expect(received.at(-1)!.revision).toBe(rendered.revision);

    await updateSection(t.db, { actorId: plan.chair.id, sectionId: built.police.id, input: { frozen: true } });
    await eventually(() => expect(received.at(-1)!.revision).not.toBe(rendered.revision));
  });
});
