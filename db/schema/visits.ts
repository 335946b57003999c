import { pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sections } from './plans';
import { bytea } from './types';
import { users } from './users';

/** When each person last had a section open, and what it held then: the plan and section pages show what changed since. */
export const sectionVisits = pgTable(
  'section_visits',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    /** The section as they last saw it (Y.encodeSnapshot), for "changes since your last visit"; null until known. */
    seen: bytea('seen'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.sectionId] })],
);
