import type * as decoding from 'lib0/decoding';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { editComment } from '../../lib/discussion/edit-comment';
import { listComments } from '../../lib/discussion/list-comments';
import { postComment } from '../../lib/discussion/post-comment';
import { withdrawComment } from '../../lib/discussion/withdraw-comment';
import type { CommentView } from '../../lib/discussion/comment-view';
import { changePhase } from '../../lib/plans/change-phase';
import { COMMENT_MESSAGE, readCommentMessage } from '../../lib/shared/app-messages';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { waitForSync } from '../helpers/provider';
import { useWorkingGroup } from '../helpers/working-group';

describe("a section's discussion", () => {
  const { t, connect, group: g } = useWorkingGroup();
  const db = () => t.db;

  /** A section page's connection, and the discussion messages it is sent. */
  const openSection = async (room: string, cookie: string) => {
    const page = connect(room, cookie);
    const received: CommentView[] = [];
    page.provider.messageHandlers[COMMENT_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      received.push(readCommentMessage(decoder) as CommentView);
    };
    await waitForSync(page.provider);
    return received;
  };

  it("keeps each message with its author's state, and sends it to everyone with the section open", async () => {
    const observerPage = await openSection(g.police.room, g.observer.cookie);
    const otherSection = await openSection(g.victims.room, g.observer.cookie);
    const fromBrazil = await postComment(db(), {
      userId: g.brazil.id,
      sectionId: g.police.id,
      body: 'Brazil can share its\ncurriculum.',
    });
    expect(fromBrazil).toMatchObject({
      author: g.brazil.name,
      state: { code: 'BRA', name: 'Brazil' },
      body: 'Brazil can share its\ncurriculum.',
    });
    const fromChair = await postComment(db(), {
      userId: g.plan.chair.id,
      sectionId: g.police.id,
      body: 'Thank you; Peru, please consider it.',
    });
    expect(fromChair.state).toBeNull();

    await eventually(() => expect(observerPage).toEqual([fromBrazil, fromChair]));
    expect(otherSection).toEqual([]);
    const listed = await listComments(db(), { userId: g.observer.id, sectionId: g.police.id });
    expect(listed).toEqual([fromBrazil, fromChair]);
  });

  it('keeps the passage a message is about, whose place follows the text as it is edited', async () => {
    const page = connect(g.police.room, g.peru.cookie);
    await waitForSync(page.provider);
    const fragment = page.doc.getXmlFragment(EDITOR_FIELD);
    const paragraph = appendParagraph(page.doc, 'Each state trains its own instructors.');
    const at = (index: number) =>
      Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(paragraph, index))).toString('base64');
    const quote = { text: 'trains its own instructors', from: at(11), to: at(37) };
    const fromMexico = await postComment(db(), {
      userId: g.mexico.id,
      sectionId: g.police.id,
      body: 'Could we pool them?',
      quote,
    });
    expect(fromMexico.quote).toEqual(quote);
    expect((await listComments(db(), { userId: g.observer.id, sectionId: g.police.id })).at(-1)).toEqual(fromMexico);

    // Peru rewrites the start of the paragraph: the quoted passage is still found where it now stands.
    paragraph.delete(0, 10);
    paragraph.insert(0, 'From 2027 every state');
    const place = (position: string) =>
      Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(position, 'base64')), page.doc)!
        .index;
    expect(paragraph.toString().slice(place(fromMexico.quote!.from), place(fromMexico.quote!.to))).toBe(
      'trains its own instructors',
    );
    expect(fragment.length).toBeGreaterThan(0);
  });

  it('refuses observers, people outside the plan and unknown sections, and keeps nothing of it', async () => {
    const before = await listComments(db(), { userId: g.plan.chair.id, sectionId: g.police.id });
    await expect(
      postComment(db(), { userId: g.observer.id, sectionId: g.police.id, body: 'I disagree.' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      postComment(db(), { userId: randomUUID(), sectionId: g.police.id, body: 'Hello' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      postComment(db(), { userId: g.peru.id, sectionId: randomUUID(), body: 'Hello' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(listComments(db(), { userId: g.peru.id, sectionId: randomUUID() })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await listComments(db(), { userId: g.plan.chair.id, sectionId: g.police.id })).toEqual(before);
  });

  it('lets its author change or withdraw a message and the chair withdraw any, keeping the earlier words in the audit log', async () => {
    const readers = await openSection(g.police.room, g.observer.cookie);
    const lastSeen = (id: string) => readers.filter((c) => c.id === id).at(-1);
    const posted = await postComment(db(), { userId: g.peru.id, sectionId: g.police.id, body: 'Peru will fund it.' });
    expect(posted).toMatchObject({ authorId: g.peru.id, editedAt: null, withdrawn: null });

    const edited = await editComment(db(), { userId: g.peru.id, commentId: posted.id, body: 'Peru will co-fund it.' });
    expect(edited).toMatchObject({ body: 'Peru will co-fund it.', createdAt: posted.createdAt, withdrawn: null });
    expect(edited.editedAt).not.toBeNull();
    await eventually(() => expect(lastSeen(posted.id)).toEqual(edited));

    for (const who of [g.brazil, g.plan.chair, g.observer]) {
      await expect(
        editComment(db(), { userId: who.id, commentId: posted.id, body: 'Not yours.' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(withdrawComment(db(), { userId: g.brazil.id, commentId: posted.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      editComment(db(), { userId: g.peru.id, commentId: randomUUID(), body: 'Hello' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });

    const withdrawn = await withdrawComment(db(), { userId: g.plan.chair.id, commentId: posted.id });
    expect(withdrawn).toMatchObject({ body: '', quote: null, withdrawn: 'chair' });
    await eventually(() => expect(lastSeen(posted.id)).toEqual(withdrawn));
    expect(
      (await listComments(db(), { userId: g.observer.id, sectionId: g.police.id })).find((c) => c.id === posted.id),
    ).toEqual(withdrawn);
    await expect(editComment(db(), { userId: g.peru.id, commentId: posted.id, body: 'Again.' })).rejects.toMatchObject({
      code: 'conflict',
    });

    const audit = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `comment:${posted.id}`))
      .orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['comment.edited', { body: 'Peru will fund it.' }, { body: 'Peru will co-fund it.' }],
      ['comment.withdrawn', { body: 'Peru will co-fund it.', quote: null }, null],
    ]);
  });

  it('closes once the plan is adopted, and stays readable', async () => {
    await changePhase(db(), { actorId: g.plan.chair.id, planId: g.plan.id, phase: 'consolidation' });
    await changePhase(db(), { actorId: g.plan.chair.id, planId: g.plan.id, phase: 'adopted' });
    await expect(
      postComment(db(), { userId: g.peru.id, sectionId: g.police.id, body: 'One more thing' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const kept = await listComments(db(), { userId: g.observer.id, sectionId: g.police.id });
    expect(kept).toHaveLength(4);
    const brazils = kept.find((c) => c.authorId === g.brazil.id)!;
    await expect(
      editComment(db(), { userId: g.brazil.id, commentId: brazils.id, body: 'Too late.' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(withdrawComment(db(), { userId: g.plan.chair.id, commentId: brazils.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
