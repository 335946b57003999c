import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sectionComments } from './discussion';
import { plans, sections } from './plans';
import { users } from './users';

/**
 * Something that happened to a user in a plan: `mention` (a message names them or their state),
 * `reply` (in a thread they opened), `phase` (the plan moved on), `appointment` (they were appointed).
 * `details` holds what the text needs (the new phase, the role), never a message's words, which are
 * read from the discussion as they now are.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['mention', 'reply', 'phase', 'appointment'] }).notNull(),
    sectionId: uuid('section_id').references(() => sections.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id').references(() => sectionComments.id, { onDelete: 'cascade' }),
    /** Who caused it, by name as it was then. */
    actorName: text('actor_name'),
    details: jsonb('details').$type<Record<string, string>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** When the email worker took it into an email (or a digest); null while it waits for one. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_created').on(t.userId, t.createdAt)],
);
