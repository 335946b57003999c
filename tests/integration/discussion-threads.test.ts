import type * as decoding from 'lib0/decoding';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { resolveThread } from '../../lib/discussion/resolve-thread';
import type { CommentView } from '../../lib/discussion/comment-view';
import { listComments } from '../../lib/discussion/list-comments';
import { postComment } from '../../lib/discussion/post-comment';
import { withdrawComment } from '../../lib/discussion/withdraw-comment';
import { planActivity } from '../../lib/plans/plan-activity';
import { COMMENT_MESSAGE, readCommentMessage } from '../../lib/shared/app-messages';
import { eventually } from '../helpers/eventually';
import { waitForSync } from '../helpers/provider';
import { useWorkingGroup } from '../helpers/working-group';

describe("a section's discussion in threads", () => {
  const { t, connect, group: g } = useWorkingGroup();
  const db = () => t.db;

  const openThreads = async () =>
    (await planActivity(db(), g.plan.id))!.sections.find((s) => s.id === g.police.id)!.openThreads;

  it('puts a reply under its thread, also a reply to a reply, and sends it to everyone with the section open', async () => {
    const page = connect(g.police.room, g.observer.cookie);
    const received: CommentView[] = [];
    page.provider.messageHandlers[COMMENT_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      received.push(readCommentMessage(decoder) as CommentView);
    };
    await waitForSync(page.provider);

    const question = await postComment(db(), {
      userId: g.mexico.id,
      sectionId: g.police.id,
      body: 'Who trains the instructors?',
    });
    expect(question).toMatchObject({ parentId: null, resolved: null });
    const answer = await postComment(db(), {
      userId: g.peru.id,
      sectionId: g.police.id,
      body: 'Each state.',
      replyTo: question.id,
    });
    const followUp = await postComment(db(), {
      userId: g.brazil.id,
      sectionId: g.police.id,
      body: 'Brazil can help.',
      replyTo: answer.id,
    });
    expect([answer.parentId, followUp.parentId]).toEqual([question.id, question.id]);
    await eventually(() => expect(received.map((c) => c.id)).toEqual([question.id, answer.id, followUp.id]));
    expect(
      (await listComments(db(), { userId: g.observer.id, sectionId: g.police.id })).map((c) => [c.body, c.parentId]),
    ).toEqual([
      ['Who trains the instructors?', null],
      ['Each state.', question.id],
      ['Brazil can help.', question.id],
    ]);
    expect(await openThreads()).toBe(1);
  });

  it('refuses a reply by an observer, to a message of another section, or to an unknown message', async () => {
    const [question] = await listComments(db(), { userId: g.peru.id, sectionId: g.police.id });
    await expect(
      postComment(db(), { userId: g.observer.id, sectionId: g.police.id, body: 'Me too.', replyTo: question!.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      postComment(db(), { userId: g.brazil.id, sectionId: g.victims.id, body: 'Elsewhere.', replyTo: question!.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      postComment(db(), { userId: g.brazil.id, sectionId: g.police.id, body: 'Lost.', replyTo: randomUUID() }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await listComments(db(), { userId: g.peru.id, sectionId: g.victims.id })).toEqual([]);
  });

  it("lets a thread's author, the lead coordinator and the chair resolve and reopen it, and nobody else", async () => {
    const thread = await postComment(db(), {
      userId: g.mexico.id,
      sectionId: g.police.id,
      body: 'Can we add a deadline?',
    });
    const reply = await postComment(db(), {
      userId: g.brazil.id,
      sectionId: g.police.id,
      body: '2028?',
      replyTo: thread.id,
    });
    expect(await openThreads()).toBe(2);

    // Brazil may reply (above) but not resolve Mexico's thread; an observer may do neither.
    for (const who of [g.brazil, g.observer]) {
      await expect(resolveThread(db(), { userId: who.id, commentId: thread.id, resolved: true })).rejects.toMatchObject(
        { code: 'forbidden' },
      );
    }
    await expect(
      resolveThread(db(), { userId: randomUUID(), commentId: thread.id, resolved: true }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await openThreads()).toBe(2);

    // Given a reply, the whole thread is resolved.
    const byLead = await resolveThread(db(), { userId: g.peru.id, commentId: reply.id, resolved: true });
    expect(byLead).toMatchObject({ id: thread.id, resolved: { by: g.peru.name } });
    expect(await openThreads()).toBe(1);
    await expect(
      postComment(db(), { userId: g.brazil.id, sectionId: g.police.id, body: 'Late.', replyTo: thread.id }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      resolveThread(db(), { userId: g.brazil.id, commentId: thread.id, resolved: false }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    expect(
      (await resolveThread(db(), { userId: g.mexico.id, commentId: thread.id, resolved: false })).resolved,
    ).toBeNull();
    expect(await openThreads()).toBe(2);
    expect(
      (await resolveThread(db(), { userId: g.plan.chair.id, commentId: thread.id, resolved: true })).resolved,
    ).toMatchObject({ by: g.plan.chair.name });
    // Resolving again changes nothing and records nothing.
    await resolveThread(db(), { userId: g.mexico.id, commentId: thread.id, resolved: true });
    expect(await openThreads()).toBe(1);

    const audit = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `comment:${thread.id}`))
      .orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['thread.resolved', g.peru.id],
      ['thread.reopened', g.mexico.id],
      ['thread.resolved', g.plan.chair.id],
    ]);
  });

  it('no longer counts a withdrawn thread as open', async () => {
    const before = await openThreads();
    const thread = await postComment(db(), { userId: g.brazil.id, sectionId: g.police.id, body: 'Never mind this.' });
    expect(await openThreads()).toBe(before + 1);
    await withdrawComment(db(), { userId: g.brazil.id, commentId: thread.id });
    expect(await openThreads()).toBe(before);
  });
});
