import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberStates, sectionComments, sections, users } from '../../db/schema';
import { AppError } from '../errors';
import { authorize } from '../plans/authorize';
import { notifyCommentPosted } from '../plans/plan-events';
import type { StateRef } from '../plans/online-members';
import type { Quote } from '../shared/quote';

export type CommentView = { id: string; sectionId: string; author: string; state: StateRef | null; body: string; quote: Quote | null; createdAt: string };

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
      stateCode: sectionComments.stateCode,
      stateName: memberStates.nameEn,
      body: sectionComments.body,
      quoteText: sectionComments.quoteText,
      quoteFrom: sectionComments.quoteFrom,
      quoteTo: sectionComments.quoteTo,
      createdAt: sectionComments.createdAt,
    })
    .from(sectionComments)
    .leftJoin(memberStates, eq(memberStates.code, sectionComments.stateCode))
    .$dynamic();
}

type CommentRow = Awaited<ReturnType<ReturnType<typeof commentRows>['execute']>>[number];

function toView(row: CommentRow): CommentView {
  return {
    id: row.id,
    sectionId: row.sectionId,
    author: row.author,
    state: row.stateCode ? { code: row.stateCode, name: row.stateName ?? row.stateCode } : null,
    body: row.body,
    quote:
      row.quoteText && row.quoteFrom && row.quoteTo
        ? { text: row.quoteText, from: Buffer.from(row.quoteFrom).toString('base64'), to: Buffer.from(row.quoteTo).toString('base64') }
        : null,
    createdAt: row.createdAt.toISOString(),
  };
}
