import { bigint, bigserial, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './types';
import { users } from './users';

/** Append-only log of Yjs updates per room; nothing typed is ever rewritten here, only compacted. */
export const docUpdates = pgTable(
  'doc_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    docId: text('doc_id').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('doc_updates_doc_id').on(t.docId, t.id)],
);

/** The merged state of every log row of a room up to lastUpdateId. */
export const docStates = pgTable('doc_states', {
  docId: text('doc_id').primaryKey(),
  state: bytea('state').notNull(),
  /** Set when state is deflated as a WebSocket payload with this window (server/collab/storage/stored-state.ts); null, plain Yjs. */
  deflateWindowBits: smallint('deflate_window_bits'),
  lastUpdateId: bigint('last_update_id', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Figures derived from a document at each flush, written in the same transaction as its updates. */
export const docStats = pgTable('doc_stats', {
  docId: text('doc_id').primaryKey(),
  words: integer('words').notNull(),
  lastEditAt: timestamp('last_edit_at', { withTimezone: true }).notNull(),
  /** Who made the last edit written here (the plans list names them); null when not known (older rows, an account gone). */
  lastEditBy: uuid('last_edit_by').references(() => users.id, { onDelete: 'set null' }),
});
