import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { plans } from './plans';
import { bytea } from './types';
import { users } from './users';

export const versionKind = pgEnum('version_kind', ['auto', 'named', 'restore']);

/** A named instant of the whole plan: the goal and every section, snapshotted together. */
export const planVersions = pgTable('plan_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** The document block and the sections (titles, states, order) at that instant: what its export prints. */
  layout: jsonb('layout'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One version of one document: a Yjs snapshot (state vector and delete set). Documents keep their
 * history (gc off), so a snapshot renders, compares and restores from the live document.
 */
export const versions = pgTable(
  'versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    docId: text('doc_id').notNull(),
    kind: versionKind('kind').notNull(),
    name: text('name'),
    planVersionId: uuid('plan_version_id').references(() => planVersions.id, { onDelete: 'cascade' }),
    snapshot: bytea('snapshot').notNull(),
    /** User ids who inserted or deleted text since the previous version of the document. */
    editors: jsonb('editors').$type<string[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('versions_doc_created').on(t.docId, t.createdAt)],
);
