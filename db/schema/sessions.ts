import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Sessions ended by signing out: their tokens stay cryptographically valid until expiry, so they are refused by id. */
export const revokedSessions = pgTable('revoked_sessions', {
  sessionId: text('session_id').primaryKey(),
  /**
   * One session lifetime after signing out: next-auth renews a session's token whenever the browser reads
   * the session, so copies of it expire up to then; after it the row can go.
   */
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
