import type * as decoding from 'lib0/decoding';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listComments, postComment, type CommentView } from '../../lib/discussion/section-comments';
import { changePhase } from '../../lib/plans/change-phase';
import { COMMENT_MESSAGE, readCommentMessage } from '../../lib/shared/app-messages';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';

describe("a section's discussion", () => {
  const t = useCollabServer();
  const providers: Array<ReturnType<typeof openProvider>> = [];
  const db = () => t.server.database.db;

  afterAll(() => {
    for (const client of providers) client.provider.destroy();
  });

  /** A section page's connection, and the discussion messages it is sent. */
  const openSection = async (room: string, cookie: string) => {
    const page = openProvider(t.server.url, room, cookie);
    providers.push(page);
    const received: CommentView[] = [];
    page.provider.messageHandlers[COMMENT_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      received.push(readCommentMessage(decoder) as CommentView);
    };
    await waitForSync(page.provider);
    return received;
  };

  it("keeps each message with its author's state, and sends it to everyone with the section open", async () => {
    const observerPage = await openSection(t.plan.police.room, t.plan.cookies.observer);
    const otherSection = await openSection(t.plan.victims.room, t.plan.cookies.observer);
    const fromBrazil = await postComment(db(), { userId: t.plan.ids.brazil, sectionId: t.plan.police.id, body: 'Brazil can share its\ncurriculum.' });
    expect(fromBrazil).toMatchObject({ author: 'Coordinator of Brazil', state: { code: 'BRA', name: 'Brazil' }, body: 'Brazil can share its\ncurriculum.' });
    const fromChair = await postComment(db(), { userId: t.plan.ids.chair, sectionId: t.plan.police.id, body: 'Thank you; Peru, please consider it.' });
    expect(fromChair.state).toBeNull();

    await eventually(() => expect(observerPage).toEqual([fromBrazil, fromChair]));
    expect(otherSection).toEqual([]);
    const listed = await listComments(db(), { userId: t.plan.ids.observer, sectionId: t.plan.police.id });
    expect(listed).toEqual([fromBrazil, fromChair]);
  });

  it('keeps the passage a message is about, whose place follows the text as it is edited', async () => {
    const page = openProvider(t.server.url, t.plan.police.room, t.plan.cookies.peru);
    providers.push(page);
    await waitForSync(page.provider);
    const fragment = page.doc.getXmlFragment(EDITOR_FIELD);
    const paragraph = appendParagraph(page.doc, 'Each state trains its own instructors.');
    const at = (index: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(paragraph, index))).toString('base64');
    const quote = { text: 'trains its own instructors', from: at(11), to: at(37) };
    const fromMexico = await postComment(db(), { userId: t.plan.ids.mexico, sectionId: t.plan.police.id, body: 'Could we pool them?', quote });
    expect(fromMexico.quote).toEqual(quote);
    expect((await listComments(db(), { userId: t.plan.ids.observer, sectionId: t.plan.police.id })).at(-1)).toEqual(fromMexico);

    // Peru rewrites the start of the paragraph: the quoted passage is still found where it now stands.
    paragraph.delete(0, 10);
    paragraph.insert(0, 'From 2027 every state');
    const place = (position: string) => Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(position, 'base64')), page.doc)!.index;
    expect(paragraph.toString().slice(place(fromMexico.quote!.from), place(fromMexico.quote!.to))).toBe('trains its own instructors');
    expect(fragment.length).toBeGreaterThan(0);
  });

  it('refuses observers, people outside the plan and unknown sections, and keeps nothing of it', async () => {
    const before = await listComments(db(), { userId: t.plan.ids.chair, sectionId: t.plan.police.id });
    await expect(postComment(db(), { userId: t.plan.ids.observer, sectionId: t.plan.police.id, body: 'I disagree.' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(postComment(db(), { userId: randomUUID(), sectionId: t.plan.police.id, body: 'Hello' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(postComment(db(), { userId: t.plan.ids.peru, sectionId: randomUUID(), body: 'Hello' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listComments(db(), { userId: t.plan.ids.peru, sectionId: randomUUID() })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listComments(db(), { userId: t.plan.ids.chair, sectionId: t.plan.police.id })).toEqual(before);
  });

  it('closes once the plan is adopted, and stays readable', async () => {
    await changePhase(db(), { actorId: t.plan.ids.chair, planId: t.plan.planId, phase: 'consolidation' });
    await changePhase(db(), { actorId: t.plan.ids.chair, planId: t.plan.planId, phase: 'adopted' });
    await expect(postComment(db(), { userId: t.plan.ids.peru, sectionId: t.plan.police.id, body: 'One more thing' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await listComments(db(), { userId: t.plan.ids.observer, sectionId: t.plan.police.id })).toHaveLength(3);
  });
});
