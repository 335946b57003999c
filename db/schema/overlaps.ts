import { index, jsonb, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { plans, sections } from './plans';
import { bytea } from './types';
import { users } from './users';

/**
 * open: found in the current text, waiting for the chair. merged / kept / dismissed: the chair's
 * resolution. closed: the passages no longer match (edited apart or deleted) before anyone resolved it.
 */
export const overlapStatus = pgEnum('overlap_status', ['open', 'merged', 'kept', 'dismissed', 'closed']);

/** A merged paragraph as it was before the merge, and as the merge left it: what undoing needs. */
export type MergedParagraph = {
  before: Array<{ text: string; userId: string | null; attributes: Record<string, unknown> }>;
  cosponsors: string[];
  mergeId: string | null;
  after: string;
};

export type OverlapResolution =
  | {
      kind: 'merge';
      kept: 'a' | 'b';
      wording: string;
      reference: string;
      cosponsors: string[];
      /** Each paragraph's text before the merge. */
      previous?: { a: string; b: string };
      /** The words of each paragraph that the merge took out of the text, in runs. */
      removed?: { a: string[]; b: string[] };
      /** The versions of both sections saved just before the merge, offered when it can no longer be undone. */
      versions?: { a: string; b: string };
      /** The part of the other paragraph the reference replaced. */
      replaced?: string;
      /** Kept on the server only (never sent to readers): both paragraphs' runs and attribution before the merge. */
      undo?: { a: MergedParagraph; b: MergedParagraph } | null;
      /** Sent to readers instead of `undo`: whether the merge can be undone while neither paragraph changes. */
      undoable?: boolean;
    }
  | { kind: 'keep'; reason: string }
  | { kind: 'dismiss'; reason: string | null };

/**
 * Two passages of different sections of a plan that propose the same thing. Each passage is anchored
 * by a Yjs relative position on its paragraph, so the overlap follows the text as people type around
 * it; the texts are those of the last analysis (or of the resolution, once resolved).
 */
export const overlaps = pgTable(
  'overlaps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sectionA: uuid('section_a')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    anchorA: bytea('anchor_a').notNull(),
    textA: text('text_a').notNull(),
    sectionB: uuid('section_b')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    anchorB: bytea('anchor_b').notNull(),
    textB: text('text_b').notNull(),
    score: real('score').notNull(),
    kind: text('kind').notNull(),
    status: overlapStatus('status').notNull().default('open'),
    resolution: jsonb('resolution').$type<OverlapResolution>(),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('overlaps_plan_status').on(t.planId, t.status),
    // Anchors name Yjs items, the same on every instance: two instances finding one overlap store one row.
    uniqueIndex('overlaps_pair').on(t.sectionA, t.anchorA, t.sectionB, t.anchorB),
    index('overlaps_section_b').on(t.sectionB),
  ],
);
