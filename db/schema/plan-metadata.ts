import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { plans } from './plans';
import { users } from './users';

/**
 * The document block that heads the working group's documents (council, committee, symbol, date,
 * original language) and the plan's language; one row per plan, written by the chair, printed at the top of every export.
 */
export const planMetadata = pgTable('plan_metadata', {
  planId: uuid('plan_id')
    .primaryKey()
    .references(() => plans.id, { onDelete: 'cascade' }),
  council: text('council').notNull(),
  committee: text('committee').notNull(),
  workingGroup: text('working_group').notNull(),
  /** The document symbol, e.g. OEA/Ser.G CSH/GT/DSS-4/11; also names exported files. */
  symbol: text('symbol').notNull(),
  date: date('date', { mode: 'string' }),
  /** The language the document was first drafted in ("Original: Spanish"): ISO 639-1, an OAS official language. */
  originalLanguage: text('original_language').notNull(),
  /**
   * The plan's language, which its text is written in: exports speak it around the text and merges
   * write their references in it. Migration 0025 set it to the original's for existing plans.
   */
  language: text('language').notNull().default('en'),
  /** The paper the exports are laid out on: `letter` (US Letter, the OAS's in Washington) or `a4`. */
  paperSize: text('paper_size').notNull().default('letter'),
  /**
   * How paragraphs are numbered: `section` (section number + paragraph number, "3.4") or `continuous`
   * (one operative numbering across the plan, "17"); the chair may switch at any time.
   */
  numbering: text('numbering').notNull().default('section'),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
