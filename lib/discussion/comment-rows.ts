import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sectionComments, sections } from '../../db/schema';
import { AppError } from '../errors';
import { notifyCommentPosted } from '../plans/plan-events';
import { readComment, type CommentView } from './comment-view';

/** The plan a section belongs to; not_found when there is no such section. */
export async function sectionPlan(db: Db, sectionId: string): Promise<string> {
  const [section] = await db.select({ planId: sections.planId }).from(sections).where(eq(sections.id, sectionId));
  if (!section) throw new AppError('not_found', 'No such section');
  return section.planId;
}

/** The message a change is asked for, and its plan. */
export async function commentToChange(db: Db, commentId: string) {
  const [row] = await db.select().from(sectionComments).where(eq(sectionComments.id, commentId));
  if (!row) throw new AppError('not_found', 'No such message');
  return { row, planId: await sectionPlan(db, row.sectionId) };
}

/** The message as it is now, locked until the calling transaction ends. */
export async function lockComment(tx: Db, commentId: string) {
  const [row] = await tx.select().from(sectionComments).where(eq(sectionComments.id, commentId)).for('update');
  if (!row) throw new AppError('not_found', 'No such message');
  return row;
}

/** The message as it now is, sent to everyone with its section open. */
export async function announced(db: Db, row: { id: string; sectionId: string }): Promise<CommentView> {
  const comment = await readComment(db, row.id);
  notifyCommentPosted(row.sectionId, row.id);
  return comment!;
}
