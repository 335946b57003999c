import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { alias } from 'drizzle-orm/pg-core';
import { memberStates, sectionComments, users } from '../../db/schema';
import type { Channel } from '../permissions/can';
import type { StateRef } from '../plans/online-members';
import type { Mention, Quote } from '../shared/discussion';
import { mentionsOf } from './mentions';

/**
 * A message as members see it. `editedAt`: its author changed it then. `withdrawn`: by whom; its body
 * and quote are then empty (the audit log keeps them).
 */
export type CommentView = {
  id: string;
  sectionId: string;
  /** The delegations' threads, or the observers' channel. */
  channel: Channel;
  author: string;
  /** The author's user id, so a page knows which messages are the reader's own (null: account deleted). */
  authorId: string | null;
  state: StateRef | null;
  body: string;
  quote: Quote | null;
  createdAt: string;
  editedAt: string | null;
  withdrawn: 'author' | 'chair' | null;
  /** The thread's first message, for a reply; null for a message that opens a thread. */
  parentId: string | null;
  /** On a thread's first message: when the thread was resolved and by whom (null: open). */
  resolved: { at: string; by: string | null } | null;
  /** Whom it names, by id, and how its text shows them ("@label"). */
  mentions: Mention[];
};

/** One message as members see it, for the collaboration server to send; not authorized here. */
export async function readComment(db: Db, commentId: string): Promise<CommentView | null> {
  const [row] = await commentRows(db).where(eq(sectionComments.id, commentId));
  return row ? toView(row, (await mentionsOf(db, [row.id])).get(row.id)) : null;
}

const resolver = alias(users, 'resolver');

export function commentRows(db: Db) {
  return db
    .select({
      id: sectionComments.id,
      sectionId: sectionComments.sectionId,
      channel: sectionComments.channel,
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
      parentId: sectionComments.parentId,
      resolvedAt: sectionComments.resolvedAt,
      resolvedBy: resolver.name,
    })
    .from(sectionComments)
    .leftJoin(memberStates, eq(memberStates.code, sectionComments.stateCode))
    .leftJoin(resolver, eq(resolver.id, sectionComments.resolvedBy))
    .$dynamic();
}

export type CommentRow = Awaited<ReturnType<ReturnType<typeof commentRows>['execute']>>[number];

export function toView(row: CommentRow, mentions: Mention[] = []): CommentView {
  const withdrawn = row.withdrawnAt
    ? row.withdrawnBy !== null && row.withdrawnBy === row.authorId
      ? 'author'
      : 'chair'
    : null;
  return {
    id: row.id,
    sectionId: row.sectionId,
    channel: row.channel,
    author: row.author,
    authorId: row.authorId,
    state: row.stateCode ? { code: row.stateCode, name: row.stateName ?? row.stateCode } : null,
    body: withdrawn ? '' : row.body,
    quote:
      !withdrawn && row.quoteText && row.quoteFrom && row.quoteTo
        ? {
            text: row.quoteText,
            from: Buffer.from(row.quoteFrom).toString('base64'),
            to: Buffer.from(row.quoteTo).toString('base64'),
          }
        : null,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    withdrawn,
    parentId: row.parentId,
    resolved: row.resolvedAt ? { at: row.resolvedAt.toISOString(), by: row.resolvedBy } : null,
    mentions: withdrawn ? [] : mentions,
  };
}
