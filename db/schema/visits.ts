import { pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sections } from './plans';
import { users } from './users';

/** When each person last had a section open: the plan page marks what changed since. */
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
  },
  (t) => [primaryKey({ columns: [t.userId, t.sectionId] })],
);
