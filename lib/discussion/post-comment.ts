import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sectionComments, users } from '../../db/schema';
import { appError } from '../i18n/error-text';
import { notifyMessagePosted } from '../notifications/notify-events';
import { authorize } from '../permissions/authorize-action';
import type { Channel } from '../permissions/can';
import { notifyCommentPosted } from '../plans/plan-events';
import type { Mention, Quote } from '../shared/discussion';
import { sectionPlan } from '../plans/find-section-plan';
import { readComment, type CommentView } from './comment-view';
import { checkMentions, storeMentions } from './mentions';

/** Adds a message in the author's name and state, about a passage when quoted; everyone with the section open is sent it. */
export async function postComment(
  db: Db,
  options: {
    userId: string;
    sectionId: string;
    body: string;
    quote?: Quote;
    /** Replies in this message's thread (and its channel). */ replyTo?: string;
    /** Opens a thread in the delegations' threads (the default) or in the observers' channel. */
    channel?: Channel;
    mentions?: readonly Mention[];
  },
): Promise<CommentView> {
  const planId = await sectionPlan(db, options.sectionId);
  const channel = options.replyTo ? await channelOf(db, options.replyTo) : (options.channel ?? 'delegations');
  const ctx = await authorize(db, { userId: options.userId, planId, action: { type: 'section.comment', channel } });
  const parentId = options.replyTo ? await threadToReplyIn(db, options.replyTo, options.sectionId) : null;
  const { quote } = parentId ? { quote: undefined } : options;
  const mentions = await checkMentions(db, { planId, body: options.body, mentions: options.mentions ?? [] });
  const [author] = await db.select({ name: users.name }).from(users).where(eq(users.id, options.userId));
  if (!author) throw appError('unauthenticated', 'accountGone');
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(sectionComments)
      .values({
        sectionId: options.sectionId,
        authorId: options.userId,
        authorName: author.name,
        stateCode: ctx.membership?.stateCode ?? null,
        channel,
        parentId,
        body: options.body,
        ...(quote && {
          quoteText: quote.text,
          quoteFrom: Buffer.from(quote.from, 'base64'),
          quoteTo: Buffer.from(quote.to, 'base64'),
        }),
      })
      .returning({ id: sectionComments.id });
    await storeMentions(tx, inserted!.id, mentions);
    return inserted!;
  });
  const comment = await readComment(db, row.id);
  notifyCommentPosted(options.sectionId, comment!.id);
  await notifyMessagePosted(db, {
    planId,
    sectionId: options.sectionId,
    commentId: row.id,
    authorId: options.userId,
    parentId,
    mentions,
  });
  return comment!;
}

/** The channel of the message a reply answers (not_found when there is none; its section is checked after). */
async function channelOf(db: Db, commentId: string): Promise<Channel> {
  const [to] = await db
    .select({ channel: sectionComments.channel })
    .from(sectionComments)
    .where(eq(sectionComments.id, commentId));
  if (!to) throw appError('not_found', 'messageNotInSection');
  return to.channel;
}

/** The thread a reply goes in: the first message of `commentId`'s thread, in this section, open. */
async function threadToReplyIn(db: Db, commentId: string, sectionId: string): Promise<string> {
  const [to] = await db
    .select({ sectionId: sectionComments.sectionId, parentId: sectionComments.parentId })
    .from(sectionComments)
    .where(eq(sectionComments.id, commentId));
  if (!to || to.sectionId !== sectionId) throw appError('not_found', 'messageNotInSection');
  const rootId = to.parentId ?? commentId;
  const [root] = await db
    .select({ resolvedAt: sectionComments.resolvedAt })
    .from(sectionComments)
    .where(eq(sectionComments.id, rootId));
  if (root?.resolvedAt) throw appError('conflict', 'threadResolved');
  return rootId;
}
