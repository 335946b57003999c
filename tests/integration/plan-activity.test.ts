import type * as decoding from 'lib0/decoding';
import { users } from '../../db/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { listPlanOverlaps } from '../../lib/consolidation/list-overlaps';
import { refreshOverlaps } from '../../lib/consolidation/refresh-overlaps';
import { postComment } from '../../lib/discussion/section-comments';
import { resolveOverlap } from '../../lib/consolidation/resolve-overlap';
import { planActivity, readPlanActivity, type PlanActivity } from '../../lib/plans/plan-activity';
import { updateSection } from '../../lib/plans/sections';
import { PLAN_ACTIVITY_MESSAGE, readPlanActivityMessage } from '../../lib/shared/app-messages';
import { FOLLOW_PLAN_PARAMS } from '../../lib/shared/rooms';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';

const INTERVAL_MS = 200;

describe('a plan page kept current by the server', () => {
  const t = useCollabServer({ COLLAB_ACTIVITY_MS: String(INTERVAL_MS) });
  const providers: Array<ReturnType<typeof openProvider>> = [];
  const open = (room: string, cookie: string, params?: Record<string, string>) => {
    const client = openProvider(t.server.url, room, cookie, params);
    providers.push(client);
    return client;
  };
  /** A plan page's connection to the goal room, and what it is sent about the plan. */
  const followPlan = async (cookie: string) => {
    const page = open(t.plan.goalRoom, cookie, FOLLOW_PLAN_PARAMS);
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
    const { received, provider } = await followPlan(t.plan.cookies.observer);
    // A section page shows the goal too, without following the plan: it is sent none of this.
    const sectionPage = open(t.plan.goalRoom, t.plan.cookies.mexico);
    let sentToSectionPage = 0;
    sectionPage.provider.messageHandlers[PLAN_ACTIVITY_MESSAGE] = () => void sentToSectionPage++;
    await waitForSync(sectionPage.provider);
    const victims = () => received.at(-1)?.sections.find((s) => s.id === t.plan.victims.id);
    await eventually(() => expect(victims()).toMatchObject({ people: [], observing: 0 }));
    expect(received.at(-1)!.openOverlaps).toBe(0);
    const overlapsBefore = received.at(-1)!.overlapsRevision;
    await refreshOverlaps(t.server.database.db, t.plan.planId);
    await eventually(() => expect(received.at(-1)!.openOverlaps).toBeGreaterThan(0));
    const found = received.at(-1)!;
    expect(found.overlapsRevision).not.toBe(overlapsBefore);
    const [first] = (await listPlanOverlaps(t.server.database.db, { userId: t.plan.ids.chair, planId: t.plan.planId })).overlaps;
    await resolveOverlap(t.server.database.db, { userId: t.plan.ids.chair, overlapId: first!.id, resolution: { kind: 'dismiss' } });
    await eventually(() => expect(received.at(-1)).toMatchObject({ openOverlaps: found.openOverlaps - 1 }));
    expect(received.at(-1)!.overlapsRevision).not.toBe(found.overlapsRevision);
    // The overlaps board fetches the list and then only when this changes: both must tell it alike.
    const listed = await listPlanOverlaps(t.server.database.db, { userId: t.plan.ids.observer, planId: t.plan.planId });
    expect(listed.revision).toBe(received.at(-1)!.overlapsRevision);
    const wordsBefore = victims()!.words ?? 0;

    const brazil = open(t.plan.victims.room, t.plan.cookies.brazil);
    const observer = open(t.plan.victims.room, t.plan.cookies.observer);
    await Promise.all([waitForSync(brazil.provider), waitForSync(observer.provider)]);
    appendParagraph(brazil.doc, 'Brazil adds five more words.');
    await eventually(() => {
      expect(victims()).toMatchObject({ words: wordsBefore + 5, observing: 1 });
      expect(victims()!.people).toEqual([{ name: 'Coordinator of Brazil', role: 'coordinator', state: { code: 'BRA', name: 'Brazil' } }]);
    });
    // Counted at most every 5 s, and still counted once typing stops within that time.
    appendParagraph(brazil.doc, 'And three more.');
    await eventually(() => expect(victims()!.words).toBe(wordsBefore + 8), 10_000);
    expect(victims()).toMatchObject({ messages: 0, lastMessageAt: null });
    const posted = await postComment(t.server.database.db, { userId: t.plan.ids.canada, sectionId: t.plan.victims.id, body: 'Canada supports this.' });
    await eventually(() => expect(victims()).toMatchObject({ messages: 1, lastMessageAt: posted.createdAt }));

    const sent = received.length;
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
    const db = t.server.database.db;
    const [outsider] = await db.insert(users).values({ email: 'outsider@example.org', name: 'Outsider', passwordHash: 'x' }).returning();
    await expect(readPlanActivity(db, { userId: outsider!.id, planId: t.plan.planId })).rejects.toMatchObject({ code: 'not_found' });
    const read = await readPlanActivity(db, { userId: t.plan.ids.observer, planId: t.plan.planId });
    expect(read.sections.map((s) => s.id)).toEqual((await planActivity(db, t.plan.planId))!.sections.map((s) => s.id));
    expect(read.sections.map((s) => s.id)).toContain(t.plan.victims.id);
  });

  it('holds the revision a page rendered now holds, and another once the plan itself changes', async () => {
    const rendered = (await planActivity(t.server.database.db, t.plan.planId))!;
    const { received } = await followPlan(t.plan.cookies.peru);
    const police = () => received.at(-1)?.sections.find((s) => s.id === t.plan.police.id);

    const peru = open(t.plan.police.room, t.plan.cookies.peru);
    await waitForSync(peru.provider);
    appendParagraph(peru.doc, 'Peru types.');
    const wordsBefore = rendered.sections.find((s) => s.id === t.plan.police.id)!.words ?? 0;
    await eventually(() => expect(police()?.words).toBe(wordsBefore + 2));
    expect(received.at(-1)!.revision).toBe(rendered.revision);

    await updateSection(t.server.database.db, { actorId: t.plan.ids.chair, sectionId: t.plan.police.id, input: { frozen: true } });
    await eventually(() => expect(received.at(-1)!.revision).not.toBe(rendered.revision));
  });
});
