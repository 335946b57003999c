import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Emails waiting to go, sent, or given up on: written in the same step as what they tell (an
 * invitation, a claimed notification), sent later by the email worker, so a request never waits for
 * SMTP and an SMTP server that is down loses nothing. A failed attempt is retried later; after the
 * last one the row keeps `failedAt` and the error.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['invitation', 'notification', 'digest', 'password-reset'] }).notNull(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text_body').notNull(),
    html: text('html_body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Not tried before this: the retry's back-off, or the lease of the worker that is sending it. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_outbox_due').on(t.nextAttemptAt)],
);
