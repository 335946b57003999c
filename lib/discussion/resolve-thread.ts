import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sectionComments, sections } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { announced } from './comment-rows';
import { readComment, type CommentView } from './comment-view';

/**
 * Resolves (`resolved: true`) or reopens a thread, given any of its messages: its author, the
 * coordinator of the section's lead state or the chair may. Resolved threads fold away on the page and
 * stop counting as open; the audit log keeps who resolved and reopened them.
 */
export async function resolveThread(
  db: Db,
  options: { userId: string; commentId: string; resolved: boolean },
): Promise<CommentView> {
  const [message] = await db
    .select({ id: sectionComments.id, parentId: sectionComments.parentId })
    .from(sectionComments)
    .where(eq(sectionComments.id, options.commentId));
  if (!message) throw appError('not_found', 'messageNotFound');
  const rootId = message.parentId ?? message.id;
  const [root] = await db
    .select({
      authorId: sectionComments.authorId,
      sectionId: sectionComments.sectionId,
      planId: sections.planId,
      leadState: sections.leadState,
    })
    .from(sectionComments)
    .innerJoin(sections, eq(sections.id, sectionComments.sectionId))
    .where(eq(sectionComments.id, rootId));
  if (!root) throw appError('not_found', 'messageNotFound');
  await authorize(db, {
    userId: options.userId,
    planId: root.planId,
    action: { type: 'thread.resolve', authorId: root.authorId, leadState: root.leadState },
  });
  const changed = await db.transaction(async (tx) => {
    // Judged on the thread as it is now: two people resolving at once resolve it once.
    const [current] = await tx
      .select({ resolvedAt: sectionComments.resolvedAt })
      .from(sectionComments)
      .where(eq(sectionComments.id, rootId))
      .for('update');
    if (!current || (current.resolvedAt !== null) === options.resolved) return false;
    await tx
      .update(sectionComments)
      .set(
        options.resolved
          ? { resolvedAt: new Date(), resolvedBy: options.userId }
          : { resolvedAt: null, resolvedBy: null },
      )
      .where(eq(sectionComments.id, rootId));
    await recordAudit(tx, {
      planId: root.planId,
      actorId: options.userId,
      action: options.resolved ? 'thread.resolved' : 'thread.reopened',
      target: `comment:${rootId}`,
    });
    return true;
  });
  return changed ? announced(db, { id: rootId, sectionId: root.sectionId }) : (await readComment(db, rootId))!;
}
