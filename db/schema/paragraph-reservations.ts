import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { plans, sections } from './plans';
import { bytea } from './types';
import { users } from './users';

/**
 * A member state's reservation on an agreed paragraph, as OAS practice records it: the state goes along
 * with the text but reserves its position on that paragraph, and the document carries its statement as a
 * footnote. One per state and paragraph (recording again replaces the statement). The paragraph is held
 * as the Yjs relative position on its element that paragraph_statuses uses, so the two meet on it.
 */
export const paragraphReservations = pgTable(
  'paragraph_reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    anchor: bytea('anchor').notNull(),
    stateCode: text('state_code').notNull(),
    /** The state's statement, as its delegation wrote it. */
    text: text('text').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('paragraph_reservations_state').on(t.sectionId, t.anchor, t.stateCode),
    index('paragraph_reservations_plan').on(t.planId),
  ],
);
