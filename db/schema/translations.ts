import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Machine translations of paragraphs, by the hash of the source text and the direct language pair
 * (two-step translations store each step), so that a restarted server does not translate again. Never
 * a section's text: a cache that can be emptied at any time.
 */
export const translations = pgTable(
  'translations',
  {
    /** SHA-256 of the source paragraph, base64url. */
    sourceHash: text('source_hash').notNull(),
    /** A direct Apertium pair such as "en-es". */
    pair: text('pair').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pair, t.sourceHash] })],
);
