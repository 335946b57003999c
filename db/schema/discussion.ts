import { index, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { bytea } from './types';
import { memberStates } from './member-states';
import { sections } from './plans';
import { users } from './users';

/**
 * A message in a section's discussion. The author's state is kept as it was when they wrote, so the
 * discussion stays attributed to delegations after appointments change.
 */
export const sectionComments = pgTable(
  'section_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    stateCode: text('state_code').references(() => memberStates.code),
    /**
     * Where it is written: the delegations' threads, or the observers' channel that the chair may open
     * (a reply is always in its thread's channel).
     */
    channel: text('channel', { enum: ['delegations', 'observers'] })
      .notNull()
      .default('delegations'),
    /** The thread's first message, for a reply; null for a message that opens a thread. */
    parentId: uuid('parent_id').references((): AnyPgColumn => sectionComments.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    /** The passage of the section the message is about, as it read then, and where it is (Yjs relative positions): it follows edits. */
    quoteText: text('quote_text'),
    quoteFrom: bytea('quote_from'),
    quoteTo: bytea('quote_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when its author last changed it; earlier wordings are in the audit log. */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** Set when withdrawn (by its author or the chair): members see that it was, not what it said; the audit log keeps it. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id, { onDelete: 'set null' }),
    /** Set on a thread's first message when the thread is resolved (its author, the lead coordinator or the chair); cleared when reopened. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('section_comments_section_created').on(t.sectionId, t.createdAt),
    index('section_comments_parent').on(t.parentId),
  ],
);

/**
 * Whom a message names, as ids chosen from the plan's members when it was written (never parsed again
 * from its text): a person (`userId`) or a state (`stateCode`, reaching its coordinator). `label` is the
 * text the message shows for it ("@Mexico"), which the page turns into a link.
 */
export const commentMentions = pgTable(
  'comment_mentions',
  {
    commentId: uuid('comment_id')
      .notNull()
      .references(() => sectionComments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    stateCode: text('state_code').references(() => memberStates.code),
    label: text('label').notNull(),
  },
  (t) => [index('comment_mentions_comment').on(t.commentId)],
);
