import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { plans } from './plans';
import { users } from './users';

/** Who changed roles, appointments, sections, freezes and phases: what, when, before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    /** What the action was about, e.g. "section:<id>" or "member:<userId>". */
    target: text('target').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  // By target: an account's activity (`user:<id>`) is read newest first, however long the log grows.
  (t) => [index('audit_log_plan_at').on(t.planId, t.at), index('audit_log_target_id').on(t.target, t.id)],
);
