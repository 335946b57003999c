import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { memberStates } from './member-states';
import { plans, sections } from './plans';
import { bytea } from './types';
import { users } from './users';

export const amendmentKind = pgEnum('amendment_kind', ['replace', 'insert', 'delete']);
export const amendmentStatus = pgEnum('amendment_status', ['pending', 'accepted', 'rejected', 'withdrawn']);
export const amendmentStance = pgEnum('amendment_stance', ['cosponsor', 'object']);

/**
 * A change a state proposes to a passage of a section it may not write. It never touches the text until
 * the section's lead or the chair accepts it; then it is applied as one change in the proposer's name.
 * The passage is held as Yjs relative positions, so it follows edits around it, and its text as it read
 * when proposed, so a passage changed meanwhile is seen to be outdated.
 */
export const amendments = pgTable(
  'amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    /** "Amendment 7": numbered in the order proposed, per plan. */
    number: integer('number').notNull(),
    /** The proposing state; null when the chair proposes. Kept as it was, whatever appointments change. */
    sponsorState: text('sponsor_state').references(() => memberStates.code),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    kind: amendmentKind('kind').notNull(),
    targetText: text('target_text').notNull(),
    targetFrom: bytea('target_from').notNull(),
    targetTo: bytea('target_to').notNull(),
    proposedText: text('proposed_text').notNull(),
    justification: text('justification').notNull().default(''),
    status: amendmentStatus('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why it was rejected. */
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('amendments_plan_number').on(t.planId, t.number),
    index('amendments_section').on(t.sectionId, t.number),
  ],
);

/** Another state's stand on an amendment: it co-sponsors or objects (one stand per state, changeable). */
export const amendmentStances = pgTable(
  'amendment_stances',
  {
    amendmentId: uuid('amendment_id')
      .notNull()
      .references(() => amendments.id, { onDelete: 'cascade' }),
    stateCode: text('state_code')
      .notNull()
      .references(() => memberStates.code),
    stance: amendmentStance('stance').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.amendmentId, t.stateCode] })],
);
