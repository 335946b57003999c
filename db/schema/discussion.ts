import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    sectionId: uuid('section_id').notNull().references(() => sections.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    stateCode: text('state_code').references(() => memberStates.code),
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
  },
  (t) => [index('section_comments_section_created').on(t.sectionId, t.createdAt)],
);
