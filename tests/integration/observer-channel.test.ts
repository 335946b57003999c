import type * as decoding from 'lib0/decoding';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import type { CommentView } from '../../lib/discussion/comment-view';
import { listComments } from '../../lib/discussion/list-comments';
import { postComment } from '../../lib/discussion/post-comment';
import { resolveThread } from '../../lib/discussion/resolve-thread';
import { withdrawComment } from '../../lib/discussion/withdraw-comment';
import { openObserverComments } from '../../lib/plans/open-observer-comments';
import { planActivity } from '../../lib/plans/plan-activity';
import { COMMENT_MESSAGE, readCommentMessage } from '../../lib/shared/app-messages';
import type { BuiltMember, BuiltPlan, BuiltSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { waitForSync } from '../helpers/provider';
import { buildWorkingGroup, useConnections } from '../helpers/working-group';

describe("a section's observers' channel", () => {
  const t = useCollabServer();
  const connect = useConnections(() => t.server.url);
  const db = () => t.db;
  let plan: BuiltPlan;
  let peru: BuiltMember, mexico: BuiltMember, observer: BuiltMember;
  let police: BuiltSection;

  beforeAll(async () => {
    ({ plan, peru, mexico, observer, police } = await buildWorkingGroup(db()));
  });

  const observe = (body: string) =>
    postComment(db(), { userId: observer.id, sectionId: police.id, body, channel: 'observers' });
  const audited = async (action: string) =>
    (
      await db()
        .select({ actorId: auditLog.actorId, after: auditLog.after, before: auditLog.before })
        .from(auditLog)
        .where(and(eq(auditLog.planId, plan.id), eq(auditLog.action, action)))
    ).map((r) => ({ actorId: r.actorId, before: r.before, after: r.after }));

  it('is closed by default: an observer may not write there, nor anywhere in the discussion', async () => {
    await expect(observe('May civil society speak?')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(postComment(db(), { userId: observer.id, sectionId: police.id, body: 'Hello' })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
  });

  it('is opened by the chair only, and the audit log says who opened it', async () => {
    await expect(openObserverComments(db(), { actorId: peru.id, planId: plan.id, open: true })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await openObserverComments(db(), { actorId: plan.chair.id, planId: plan.id, open: true });
    expect(await audited('plan.observer_comments_opened')).toEqual([
      { actorId: plan.chair.id, before: { observerComments: false }, after: { observerComments: true } },
    ]);
  });

  it("takes an observer's comment while open, sends it live, and keeps it apart from the delegations' threads", async () => {
    const page = connect(police.room, peru.cookie);
    const received: CommentView[] = [];
    page.provider.messageHandlers[COMMENT_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      received.push(readCommentMessage(decoder) as CommentView);
    };
    await waitForSync(page.provider);
    const delegations = await postComment(db(), { userId: mexico.id, sectionId: police.id, body: 'A deadline?' });
    const comment = await observe('The Inter-American Commission offers training.');
    expect(comment).toMatchObject({ channel: 'observers', parentId: null, author: observer.name, state: null });
    await eventually(() => expect(received.map((c) => [c.id, c.channel])).toContainEqual([comment.id, 'observers']));

    // A coordinator answers in the observers' thread; the reply stays in its channel.
    const reply = await postComment(db(), {
      userId: peru.id,
      sectionId: police.id,
      body: 'Thank you.',
      replyTo: comment.id,
    });
    expect(reply).toMatchObject({ channel: 'observers', parentId: comment.id });
    // Observers still never write in the delegations' threads, a reply included.
    await expect(
      postComment(db(), { userId: observer.id, sectionId: police.id, body: 'Me too', replyTo: delegations.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(postComment(db(), { userId: observer.id, sectionId: police.id, body: 'Hi' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    // Nor resolve a thread, even their own.
    await expect(
      resolveThread(db(), { userId: observer.id, commentId: comment.id, resolved: true }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    const ids = async (channel?: 'delegations' | 'observers') =>
      (await listComments(db(), { userId: observer.id, sectionId: police.id, channel })).map((c) => c.id);
    expect(await ids('observers')).toEqual([comment.id, reply.id]);
    expect(await ids('delegations')).toEqual([delegations.id]);
    // The section's open threads on the plan page are the delegations'.
    const section = (await planActivity(db(), plan.id))!.sections.find((s) => s.id === police.id)!;
    expect(section.openThreads).toBe(1);
  });

  it("lets the chair withdraw an observer's comment, kept in the audit log", async () => {
    const comment = await observe('An off-topic remark.');
    await expect(withdrawComment(db(), { userId: peru.id, commentId: comment.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await withdrawComment(db(), { userId: plan.chair.id, commentId: comment.id })).toMatchObject({
      withdrawn: 'chair',
      body: '',
    });
    const [entry] = (await audited('comment.withdrawn')).slice(-1);
    expect(entry).toMatchObject({ actorId: plan.chair.id, before: { body: 'An off-topic remark.' } });
  });

  it('refuses comments again once closed, and what was written stays readable', async () => {
    await openObserverComments(db(), { actorId: plan.chair.id, planId: plan.id, open: false });
    await expect(observe('One more thing.')).rejects.toMatchObject({ code: 'forbidden' });
    const listed = await listComments(db(), { userId: observer.id, sectionId: police.id, channel: 'observers' });
    expect(listed.map((c) => c.body)).toContain('The Inter-American Commission offers training.');
    expect(await audited('plan.observer_comments_closed')).toHaveLength(1);
  });
});
