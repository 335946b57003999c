import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sectionComments } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { authorize } from '../permissions/authorize-action';
import { announced, commentToChange, lockComment } from './comment-rows';
import type { CommentView } from './comment-view';

/** Withdraws a message (its author, or the chair): members see that it was withdrawn; the audit log keeps what it said. */
export async function withdrawComment(db: Db, options: { userId: string; commentId: string }): Promise<CommentView> {
  const { row, planId } = await commentToChange(db, options.commentId);
  await authorize(db, {
    userId: options.userId,
    planId,
    action: { type: 'comment.withdraw', authorId: row.authorId, channel: row.channel },
  });
  await db.transaction(async (tx) => {
    // Withdrawn once, by whoever came first, with the wording it had last.
    const current = await lockComment(tx, row.id);
    if (current.withdrawnAt) return;
    await tx
      .update(sectionComments)
      .set({ withdrawnAt: new Date(), withdrawnBy: options.userId })
      .where(eq(sectionComments.id, row.id));
    await recordAudit(tx, {
      planId,
      actorId: options.userId,
      action: 'comment.withdrawn',
      target: `comment:${row.id}`,
      before: { body: current.body, quote: current.quoteText },
    });
  });
  return announced(db, row);
}
