import { sql } from 'drizzle-orm';
import {
  boolean,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  index,
} from 'drizzle-orm/pg-core';
import { memberStates } from './member-states';
import { users } from './users';

export const planPhase = pgEnum('plan_phase', ['goal', 'drafting', 'consolidation', 'adopted']);
export const memberRole = pgEnum('member_role', ['chair', 'coordinator', 'observer']);

export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  phase: planPhase('phase').notNull().default('goal'),
  /** The chair lets observers write in each section's observers' channel (off by default). */
  observerComments: boolean('observer_comments').notNull().default(false),
  /** Set while the plan is archived: hidden from the lists and read-only for everyone until restored. */
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const planMembers = pgTable(
  'plan_members',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    /** The state a coordinator represents; null for chair and observers. */
    stateCode: text('state_code').references(() => memberStates.code),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.userId] }),
    uniqueIndex('one_coordinator_per_state')
      .on(t.planId, t.stateCode)
      .where(sql`${t.role} = 'coordinator'`),
  ],
);

export const sections = pgTable(
  'sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** The state the section is attributed to. */
    leadState: text('lead_state')
      .notNull()
      .references(() => memberStates.code),
    position: integer('position').notNull(),
    frozen: boolean('frozen').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sections_plan_position').on(t.planId, t.position)],
);

export const sectionCoEditors = pgTable(
  'section_co_editors',
  {
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    stateCode: text('state_code')
      .notNull()
      .references(() => memberStates.code),
  },
  (t) => [primaryKey({ columns: [t.sectionId, t.stateCode] })],
);
