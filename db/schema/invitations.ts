import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { memberStates } from './member-states';
import { memberRole, plans } from './plans';
import { users } from './users';

/** A one-time link that lets a person without an account join a plan in a given role. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: memberRole('role').notNull(),
    stateCode: text('state_code').references(() => memberStates.code),
    /** SHA-256 of the token in the link; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invitations_plan').on(t.planId)],
);
