import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sectionComments } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { announced, commentToChange, lockComment } from './comment-rows';
import { readComment, type CommentView } from './comment-view';

/** Changes the wording of one's own message; the earlier wording goes to the audit log. */
export async function editComment(
  db: Db,
  options: { userId: string; commentId: string; body: string },
): Promise<CommentView> {
  const { row, planId } = await commentToChange(db, options.commentId);
  await authorize(db, {
    userId: options.userId,
    planId,
    action: { type: 'comment.edit', authorId: row.authorId, channel: row.channel },
  });
  const edited = await db.transaction(async (tx) => {
    // Judged on the message as it is now, locked until this change is in: a withdrawal or another edit
    // sent at the same moment comes before or after this one, never in between.
    const current = await lockComment(tx, row.id);
    if (current.withdrawnAt) throw appError('conflict', 'messageWithdrawn');
    // Saved unchanged: nothing was edited.
    if (options.body === current.body) return false;
    await tx
      .update(sectionComments)
      .set({ body: options.body, editedAt: new Date() })
      .where(eq(sectionComments.id, row.id));
    await recordAudit(tx, {
      planId,
      actorId: options.userId,
      action: 'comment.edited',
      target: `comment:${row.id}`,
      before: { body: current.body },
      after: { body: options.body },
    });
    return true;
  });
  return edited ? announced(db, row) : (await readComment(db, row.id))!;
}
