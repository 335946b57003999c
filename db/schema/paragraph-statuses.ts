import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { plans, sections } from './plans';
import { bytea } from './types';
import { users } from './users';

export const paragraphStatus = pgEnum('paragraph_status', ['bracketed', 'ad_referendum', 'agreed']);

/**
 * Where a paragraph of a section stands in the negotiation, set by the chair: bracketed (not agreed),
 * agreed ad referendum by some states (subject to their capitals), or agreed (locked against edits and
 * amendments until the chair reopens it). A paragraph without a row has no status. The paragraph is held
 * as a Yjs relative position on its element (lib/consolidation/anchors.ts), so it keeps its status however
 * the text around it moves, and the collaboration server reads the locked element's Yjs id from it.
 */
export const paragraphStatuses = pgTable(
  'paragraph_statuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    anchor: bytea('anchor').notNull(),
    status: paragraphStatus('status').notNull(),
    /** The states that agree ad referendum; empty unless the status is `ad_referendum`. */
    adRefStates: text('ad_ref_states').array().notNull().default([]),
    setBy: uuid('set_by').references(() => users.id, { onDelete: 'set null' }),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('paragraph_statuses_anchor').on(t.sectionId, t.anchor),
    index('paragraph_statuses_plan').on(t.planId),
  ],
);
