import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { plans, sections } from './plans';
import { bytea } from './types';
import { users } from './users';

/** A wording offered instead of a bracketed span, and the state that proposed it (null: none named). */
export type SpanAlternative = { text: string; state: string | null };

/**
 * A span of a paragraph the chair puts in [brackets], with the wordings offered in its place side by side
 * ("States [shall][should] adopt"). A record, never text: the brackets and alternatives are drawn around
 * the span by the editor and the exports, so no writer can delete them by accident and the section's text
 * stays the words themselves. The span is held by Yjs relative positions of its ends (as amendments'
 * passages are), so it follows edits around it. Resolving or removing the brackets deletes the row; the
 * audit log keeps what it was.
 */
export const bracketedSpans = pgTable(
  'bracketed_spans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    spanFrom: bytea('span_from').notNull(),
    spanTo: bytea('span_to').notNull(),
    /** The span's words when bracketed: a span whose words changed since is shown as changed. */
    spanText: text('span_text').notNull(),
    /** The wordings offered in its place, in the order offered; may be empty (the span alone in brackets). */
    alternatives: jsonb('alternatives').$type<SpanAlternative[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bracketed_spans_section').on(t.sectionId), index('bracketed_spans_plan').on(t.planId)],
);
