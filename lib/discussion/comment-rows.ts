import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sectionComments } from '../../db/schema';
import { appError } from '../i18n/error-text';
import { sectionPlan } from '../plans/find-section-plan';
import { notifyCommentPosted } from '../plans/plan-events';
import { readComment, type CommentView } from './comment-view';

/** The message a change is asked for, and its plan. */
export async function commentToChange(db: Db, commentId: string) {
  const [row] = await db.select().from(sectionComments).where(eq(sectionComments.id, commentId));
  if (!row) throw appError('not_found', 'messageNotFound');
  return { row, planId: await sectionPlan(db, row.sectionId) };
}

/** The message as it is now, locked until the calling transaction ends. */
export async function lockComment(tx: Db, commentId: string) {
  const [row] = await tx.select().from(sectionComments).where(eq(sectionComments.id, commentId)).for('update');
  if (!row) throw appError('not_found', 'messageNotFound');
  return row;
}

/** The message as it now is, sent to everyone with its section open. */
export async function announced(db: Db, row: { id: string; sectionId: string }): Promise<CommentView> {
  const comment = await readComment(db, row.id);
  notifyCommentPosted(row.sectionId, row.id);
  return comment!;
}
