import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sectionComments, users } from '../../db/schema';
import { AppError } from '../errors';
import { authorize } from '../permissions/authorize-action';
import { notifyCommentPosted } from '../plans/plan-events';
import type { Quote } from '../shared/discussion';
import { sectionPlan } from './comment-rows';
import { readComment, type CommentView } from './comment-view';

/** Adds a message in the author's name and state, about a passage when quoted; everyone with the section open is sent it. */
export async function postComment(db: Db, options: { userId: string; sectionId: string; body: string; quote?: Quote }): Promise<CommentView> {
  const planId = await sectionPlan(db, options.sectionId);
  const ctx = await authorize(db, { userId: options.userId, planId, action: { type: 'section.comment' } });
  const { quote } = options;
  const [author] = await db.select({ name: users.name }).from(users).where(eq(users.id, options.userId));
  if (!author) throw new AppError('unauthenticated', 'Your account no longer exists');
  const [row] = await db
    .insert(sectionComments)
    .values({
      sectionId: options.sectionId,
      authorId: options.userId,
      authorName: author.name,
      stateCode: ctx.membership?.stateCode ?? null,
      body: options.body,
      ...(quote && { quoteText: quote.text, quoteFrom: Buffer.from(quote.from, 'base64'), quoteTo: Buffer.from(quote.to, 'base64') }),
    })
    .returning({ id: sectionComments.id });
  const comment = await readComment(db, row!.id);
  notifyCommentPosted(options.sectionId, comment!.id);
  return comment!;
}
