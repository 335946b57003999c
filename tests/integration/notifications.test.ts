import type * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { postComment } from '../../lib/discussion/post-comment';
import { listNotifications, markNotificationsRead } from '../../lib/notifications/list-notifications';
import { changePhase } from '../../lib/plans/change-phase';
import { NOTIFICATIONS_MESSAGE, readNotificationsMessage } from '../../lib/shared/app-messages';
import type { BuiltMember } from '../factories';
import { eventually } from '../helpers/eventually';
import { waitForSync } from '../helpers/provider';
import { useWorkingGroup } from '../helpers/working-group';

describe('notifications', () => {
  const { t, connect, group: g } = useWorkingGroup();
  const db = () => t.db;

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
    for (const who of [g.peru, g.mexico, g.brazil, g.observer]) {
      const listed = await listNotifications(db(), { userId: who.id });
      expect(listed.notifications).toMatchObject([
        { kind: 'appointment', actorName: g.plan.chair.name, details: { role: who.role }, href: `/plans/${g.plan.id}` },
      ]);
      expect(await markNotificationsRead(db(), { userId: who.id })).toBe(0);
    }
  });

  it("sends a mention of a state live to exactly its coordinator's open pages, and lists it after a reload", async () => {
    // Mexico has another section open than the one the message is in: the count reaches every page of theirs.
    const mexicoPage = await openPage(g.victims.room, g.mexico);
    const brazilPage = await openPage(g.police.room, g.brazil);
    const observerPage = await openPage(g.police.room, g.observer);
    const posted = await postComment(db(), {
      userId: g.peru.id,
      sectionId: g.police.id,
      body: '@Mexico, could you check the figures?',
      mentions: [{ kind: 'state', code: 'MEX', label: 'Mexico' }],
    });
    await eventually(() => expect(mexicoPage).toEqual([1]));
    const listed = await listNotifications(db(), { userId: g.mexico.id });
    expect(listed.unread).toBe(1);
    expect(listed.notifications[0]).toMatchObject({
      kind: 'mention',
      actorName: g.peru.name,
      sectionTitle: g.police.title,
      read: false,
      href: `/plans/${g.plan.id}/sections/${g.police.id}#comment-${posted.id}`,
    });
    for (const who of [g.peru, g.brazil, g.observer])
      expect((await listNotifications(db(), { userId: who.id })).unread).toBe(0);
    expect([brazilPage, observerPage]).toEqual([[], []]);
  });

  it("tells a thread's author of a reply, once, and not the one who replies", async () => {
    const before = (await listNotifications(db(), { userId: g.mexico.id })).unread;
    const thread = await postComment(db(), {
      userId: g.mexico.id,
      sectionId: g.police.id,
      body: 'Should we add a deadline?',
    });
    await postComment(db(), { userId: g.brazil.id, sectionId: g.police.id, body: '2028.', replyTo: thread.id });
    // Named and replied to at once: one notification, the mention.
    await postComment(db(), {
      userId: g.peru.id,
      sectionId: g.police.id,
      body: '@Mexico 2030?',
      replyTo: thread.id,
      mentions: [{ kind: 'state', code: 'MEX', label: 'Mexico' }],
    });
    await postComment(db(), { userId: g.mexico.id, sectionId: g.police.id, body: 'Thanks.', replyTo: thread.id });
    const listed = await listNotifications(db(), { userId: g.mexico.id });
    expect(listed.unread).toBe(before + 2);
    expect(listed.notifications.slice(0, 2).map((n) => [n.kind, n.actorName])).toEqual([
      ['mention', g.peru.name],
      ['reply', g.brazil.name],
    ]);
  });

  it('tells every member but the chair of a phase change, and marks read only what its owner marks', async () => {
    const peruPage = await openPage(g.police.room, g.peru);
    await changePhase(db(), { actorId: g.plan.chair.id, planId: g.plan.id, phase: 'consolidation' });
    for (const who of [g.peru, g.mexico, g.brazil, g.observer]) {
      expect((await listNotifications(db(), { userId: who.id })).notifications[0]).toMatchObject({
        kind: 'phase',
        details: { phase: 'consolidation' },
        href: `/plans/${g.plan.id}`,
      });
    }
    expect(
      (await listNotifications(db(), { userId: g.plan.chair.id })).notifications.filter((n) => n.kind === 'phase'),
    ).toEqual([]);
    await eventually(() => expect(peruPage.at(-1)).toBe(1));

    const [phase] = (await listNotifications(db(), { userId: g.peru.id })).notifications;
    // Someone else's ids change nothing of theirs.
    expect(await markNotificationsRead(db(), { userId: g.brazil.id, ids: [phase!.id] })).toBeGreaterThan(0);
    expect((await listNotifications(db(), { userId: g.peru.id })).unread).toBe(1);
    expect(await markNotificationsRead(db(), { userId: g.peru.id, ids: [phase!.id] })).toBe(0);
    await eventually(() => expect(peruPage.at(-1)).toBe(0));
    expect((await listNotifications(db(), { userId: g.peru.id })).notifications[0]!.read).toBe(true);
  });
});
