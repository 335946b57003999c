import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberStates, sectionComments, sections, users } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize } from '../permissions/authorize-action';
import { notifyCommentPosted } from '../plans/plan-events';
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

/** The most recent messages a section's discussion shows; older ones stay stored. */
const SHOWN_COMMENTS = 500;

/** A section's discussion, oldest first, for any member of its plan. */
export async function listComments(db: Db, options: { userId: string; sectionId: string }): Promise<CommentView[]> {
  const planId = await sectionPlan(db, options.sectionId);
  await authorize(db, { userId: options.userId, planId, action: { type: 'plan.read' } });
  const rows = await commentRows(db).where(eq(sectionComments.sectionId, options.sectionId)).orderBy(desc(sectionComments.createdAt)).limit(SHOWN_COMMENTS);
  return rows.reverse().map(toView);
}

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

/** Changes the wording of one's own message; the earlier wording goes to the audit log. */
export async function editComment(db: Db, options: { userId: string; commentId: string; body: string }): Promise<CommentView> {
  const { row, planId } = await commentToChange(db, options.commentId);
  await authorize(db, { userId: options.userId, planId, action: { type: 'comment.edit', authorId: row.authorId } });
  const edited = await db.transaction(async (tx) => {
    // Judged on the message as it is now, locked until this change is in: a withdrawal or another edit
    // sent at the same moment comes before or after this one, never in between.
    const current = await lockComment(tx, row.id);
    if (current.withdrawnAt) throw new AppError('conflict', 'This message was withdrawn');
    // Saved unchanged: nothing was edited.
    if (options.body === current.body) return false;
    await tx.update(sectionComments).set({ body: options.body, editedAt: new Date() }).where(eq(sectionComments.id, row.id));
    await recordAudit(tx, { planId, actorId: options.userId, action: 'comment.edited', target: `comment:${row.id}`, before: { body: current.body }, after: { body: options.body } });
    return true;
  });
  return edited ? announced(db, row) : (await readComment(db, row.id))!;
}

/** Withdraws a message (its author, or the chair): members see that it was withdrawn; the audit log keeps what it said. */
export async function withdrawComment(db: Db, options: { userId: string; commentId: string }): Promise<CommentView> {
  const { row, planId } = await commentToChange(db, options.commentId);
  await authorize(db, { userId: options.userId, planId, action: { type: 'comment.withdraw', authorId: row.authorId } });
  await db.transaction(async (tx) => {
    // Withdrawn once, by whoever came first, with the wording it had last.
    const current = await lockComment(tx, row.id);
    if (current.withdrawnAt) return;
    await tx.update(sectionComments).set({ withdrawnAt: new Date(), withdrawnBy: options.userId }).where(eq(sectionComments.id, row.id));
    await recordAudit(tx, { planId, actorId: options.userId, action: 'comment.withdrawn', target: `comment:${row.id}`, before: { body: current.body, quote: current.quoteText } });
  });
  return announced(db, row);
}

async function commentToChange(db: Db, commentId: string) {
  const [row] = await db.select().from(sectionComments).where(eq(sectionComments.id, commentId));
  if (!row) throw new AppError('not_found', 'No such message');
  return { row, planId: await sectionPlan(db, row.sectionId) };
}

/** The message as it is now, locked until the calling transaction ends. */
async function lockComment(tx: Db, commentId: string) {
  const [row] = await tx.select().from(sectionComments).where(eq(sectionComments.id, commentId)).for('update');
  if (!row) throw new AppError('not_found', 'No such message');
  return row;
}

/** The message as it now is, sent to everyone with its section open. */
async function announced(db: Db, row: { id: string; sectionId: string }): Promise<CommentView> {
  const comment = await readComment(db, row.id);
  notifyCommentPosted(row.sectionId, row.id);
  return comment!;
}

/** One message as members see it, for the collaboration server to send; not authorized here. */
export async function readComment(db: Db, commentId: string): Promise<CommentView | null> {
  const [row] = await commentRows(db).where(eq(sectionComments.id, commentId));
  return row ? toView(row) : null;
}

async function sectionPlan(db: Db, sectionId: string): Promise<string> {
  const [section] = await db.select({ planId: sections.planId }).from(sections).where(eq(sections.id, sectionId));
  if (!section) throw new AppError('not_found', 'No such section');
  return section.planId;
}

function commentRows(db: Db) {
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

type CommentRow = Awaited<ReturnType<ReturnType<typeof commentRows>['execute']>>[number];

function toView(row: CommentRow): CommentView {
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
