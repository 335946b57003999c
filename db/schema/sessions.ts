import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** Sessions ended by signing out: their tokens stay cryptographically valid until expiry, so they are refused by id. */
export const revokedSessions = pgTable('revoked_sessions', {
  sessionId: text('session_id').primaryKey(),
  /**
   * One session lifetime after signing out: next-auth renews a session's token whenever the browser reads
   * the session, so copies of it expire up to then; after it the row can go.
   */
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * Every session signed in, by user, so that changing a password can end the others: a session's token
 * is self-contained, and only its id can be refused. A row goes when its session signs out or is ended.
 */
export const signedInSessions = pgTable(
  'signed_in_sessions',
  {
    sessionId: text('session_id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signed_in_sessions_user').on(t.userId)],
);
