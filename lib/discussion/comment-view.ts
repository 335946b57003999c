import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberStates, sectionComments } from '../../db/schema';
import type { StateRef } from '../plans/online-members';
import type { Quote } from '../shared/discussion';

/**
 * A message as members see it. `editedAt`: its author changed it then. `withdrawn`: by whom; its body
 * and quote are then empty (the audit log keeps them).
 */
export type CommentView = {
  id: string;
  sectionId: string;
  author: string;
  /** The author's user id, so a page knows which messages are the reader's own (null: account deleted). */
  authorId: string | null;
  state: StateRef | null;
  body: string;
  quote: Quote | null;
  createdAt: string;
  editedAt: string | null;
  withdrawn: 'author' | 'chair' | null;
};

/** One message as members see it, for the collaboration server to send; not authorized here. */
export async function readComment(db: Db, commentId: string): Promise<CommentView | null> {
  const [row] = await commentRows(db).where(eq(sectionComments.id, commentId));
  return row ? toView(row) : null;
}

export function commentRows(db: Db) {
  return db
    .select({
      id: sectionComments.id,
      sectionId: sectionComments.sectionId,
      author: sectionComments.authorName,
      authorId: sectionComments.authorId,
      stateCode: sectionComments.stateCode,
      stateName: memberStates.nameEn,
      body: sectionComments.body,
      quoteText: sectionComments.quoteText,
      quoteFrom: sectionComments.quoteFrom,
      quoteTo: sectionComments.quoteTo,
      createdAt: sectionComments.createdAt,
      editedAt: sectionComments.editedAt,
      withdrawnAt: sectionComments.withdrawnAt,
      withdrawnBy: sectionComments.withdrawnBy,
    })
    .from(sectionComments)
    .leftJoin(memberStates, eq(memberStates.code, sectionComments.stateCode))
    .$dynamic();
}

export type CommentRow = Awaited<ReturnType<ReturnType<typeof commentRows>['execute']>>[number];

export function toView(row: CommentRow): CommentView {
  const withdrawn = row.withdrawnAt ? (row.withdrawnBy !== null && row.withdrawnBy === row.authorId ? 'author' : 'chair') : null;
  return {
    id: row.id,
    sectionId: row.sectionId,
    author: row.author,
    authorId: row.authorId,
    state: row.stateCode ? { code: row.stateCode, name: row.stateName ?? row.stateCode } : null,
    body: withdrawn ? '' : row.body,
    quote:
      !withdrawn && row.quoteText && row.quoteFrom && row.quoteTo
        ? { text: row.quoteText, from: Buffer.from(row.quoteFrom).toString('base64'), to: Buffer.from(row.quoteTo).toString('base64') }
        : null,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    withdrawn,
  };
}
