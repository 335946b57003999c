import type * as decoding from 'lib0/decoding';
import { beforeAll, describe, expect, it } from 'vitest';
import { postComment } from '../../lib/discussion/post-comment';
import { listNotifications, markNotificationsRead } from '../../lib/notifications/list-notifications';
import { changePhase } from '../../lib/plans/change-phase';
import { NOTIFICATIONS_MESSAGE, readNotificationsMessage } from '../../lib/shared/app-messages';
import type { BuiltMember, BuiltPlan, BuiltSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { waitForSync } from '../helpers/provider';
import { buildWorkingGroup, useConnections } from '../helpers/working-group';

describe('notifications', () => {
  const t = useCollabServer();
  const connect = useConnections(() => t.server.url);
  const db = () => t.db;
  let plan: BuiltPlan;
  let peru: BuiltMember, mexico: BuiltMember, brazil: BuiltMember, observer: BuiltMember;
  let police: BuiltSection, victims: BuiltSection;

  beforeAll(async () => {
    ({ plan, peru, mexico, brazil, observer, police, victims } = await buildWorkingGroup(db()));
  });

  /** A page of `who` open on a room, and the unread counts the server sends it. */
  const openPage = async (room: string, who: BuiltMember) => {
    const page = connect(room, who.cookie);
    const counts: number[] = [];
    page.provider.messageHandlers[NOTIFICATIONS_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      counts.push(readNotificationsMessage(decoder).unread);
    };
    await waitForSync(page.provider);
    return counts;
  };

  it('tells someone appointed to a plan', async () => {
    for (const who of [peru, mexico, brazil, observer]) {
      const listed = await listNotifications(db(), { userId: who.id });
      expect(listed.notifications).toMatchObject([
        { kind: 'appointment', actorName: plan.chair.name, details: { role: who.role }, href: `/plans/${plan.id}` },
      ]);
      expect(await markNotificationsRead(db(), { userId: who.id })).toBe(0);
    }
  });

  it("sends a mention of a state live to exactly its coordinator's open pages, and lists it after a reload", async () => {
    // Mexico has another section open than the one the message is in: the count reaches every page of theirs.
    const mexicoPage = await openPage(victims.room, mexico);
    const brazilPage = await openPage(police.room, brazil);
    const observerPage = await openPage(police.room, observer);
    const posted = await postComment(db(), {
      userId: peru.id,
      sectionId: police.id,
      body: '@Mexico, could you check the figures?',
      mentions: [{ kind: 'state', code: 'MEX', label: 'Mexico' }],
    });
    await eventually(() => expect(mexicoPage).toEqual([1]));
    const listed = await listNotifications(db(), { userId: mexico.id });
    expect(listed.unread).toBe(1);
    expect(listed.notifications[0]).toMatchObject({
      kind: 'mention',
      actorName: peru.name,
      sectionTitle: police.title,
      read: false,
      href: `/plans/${plan.id}/sections/${police.id}#comment-${posted.id}`,
    });
    for (const who of [peru, brazil, observer])
      expect((await listNotifications(db(), { userId: who.id })).unread).toBe(0);
    expect([brazilPage, observerPage]).toEqual([[], []]);
  });

  it("tells a thread's author of a reply, once, and not the one who replies", async () => {
    const before = (await listNotifications(db(), { userId: mexico.id })).unread;
    const thread = await postComment(db(), {
      userId: mexico.id,
      sectionId: police.id,
      body: 'Should we add a deadline?',
    });
    await postComment(db(), { userId: brazil.id, sectionId: police.id, body: '2028.', replyTo: thread.id });
    // Named and replied to at once: one notification, the mention.
    await postComment(db(), {
      userId: peru.id,
      sectionId: police.id,
      body: '@Mexico 2030?',
      replyTo: thread.id,
      mentions: [{ kind: 'state', code: 'MEX', label: 'Mexico' }],
    });
    await postComment(db(), { userId: mexico.id, sectionId: police.id, body: 'Thanks.', replyTo: thread.id });
    const listed = await listNotifications(db(), { userId: mexico.id });
    expect(listed.unread).toBe(before + 2);
    expect(listed.notifications.slice(0, 2).map((n) => [n.kind, n.actorName])).toEqual([
      ['mention', peru.name],
      ['reply', brazil.name],
    ]);
  });

  it('tells every member but the chair of a phase change, and marks read only what its owner marks', async () => {
    const peruPage = await openPage(police.room, peru);
    await changePhase(db(), { actorId: plan.chair.id, planId: plan.id, phase: 'consolidation' });
    for (const who of [peru, mexico, brazil, observer]) {
      expect((await listNotifications(db(), { userId: who.id })).notifications[0]).toMatchObject({
        kind: 'phase',
        details: { phase: 'consolidation' },
        href: `/plans/${plan.id}`,
      });
    }
    expect(
      (await listNotifications(db(), { userId: plan.chair.id })).notifications.filter((n) => n.kind === 'phase'),
    ).toEqual([]);
    await eventually(() => expect(peruPage.at(-1)).toBe(1));

    const [phase] = (await listNotifications(db(), { userId: peru.id })).notifications;
    // Someone else's ids change nothing of theirs.
    expect(await markNotificationsRead(db(), { userId: brazil.id, ids: [phase!.id] })).toBeGreaterThan(0);
    expect((await listNotifications(db(), { userId: peru.id })).unread).toBe(1);
    expect(await markNotificationsRead(db(), { userId: peru.id, ids: [phase!.id] })).toBe(0);
    await eventually(() => expect(peruPage.at(-1)).toBe(0));
    expect((await listNotifications(db(), { userId: peru.id })).notifications[0]!.read).toBe(true);
  });
});
