import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { emailOutbox } from '../../db/schema';
import { logger } from '../log';

/** Attempts before an email is recorded as failed (with back-off doubling, about a day of trying). */
export const EMAIL_MAX_ATTEMPTS = 10;

/** Longest wait between two attempts. */
const MAX_BACKOFF_MS = 60 * 60_000;

/** How long a worker holds an email it is sending before another may try it (a crash mid-send). */
const LEASE_MS = 5 * 60_000;

/** Emails taken per round. */
const BATCH = 20;

export type OutgoingEmail = { to: string; subject: string; text: string; html: string };

/**
 * Sends the outbox's due emails through `send`, one at a time, until none is due. Each is taken under
 * a lease first (another instance skips it); sent, it is marked sent; refused or unreachable, it is
 * tried again after a back-off, and after the last attempt kept as failed with its error. Returns the
 * number sent.
 */
export async function deliverEmails(
  db: Db,
  options: {
    send: (email: OutgoingEmail) => Promise<unknown>;
    retryMs: number;
    /** The server is stopping: no further email is begun (those taken wait out their lease, then go). */
    stopping?: () => boolean;
  },
): Promise<number> {
  const log = logger('email');
  let sent = 0;
  for (;;) {
    if (options.stopping?.()) return sent;
    const now = new Date();
    const due = db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(isNull(emailOutbox.sentAt), isNull(emailOutbox.failedAt), lte(emailOutbox.nextAttemptAt, now)))
      .orderBy(asc(emailOutbox.createdAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    const taken = await db
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${emailOutbox.attempts} + 1` })
      .where(inArray(emailOutbox.id, due))
      .returning();
    if (!taken.length) return sent;
    for (const email of taken) {
      if (options.stopping?.()) return sent;
      try {
        await options.send({ to: email.to, subject: email.subject, text: email.text, html: email.html });
        await db.update(emailOutbox).set({ sentAt: new Date(), lastError: null }).where(eq(emailOutbox.id, email.id));
        sent++;
      } catch (error) {
        const lastError = error instanceof Error ? error.message : String(error);
        // The SMTP server's answer says why; a stack trace of the SMTP client would not.
        const attempt = { id: email.id, kind: email.kind, attempts: email.attempts, error: lastError };
        if (email.attempts >= EMAIL_MAX_ATTEMPTS) {
          log.error(attempt, 'gave up sending an email');
          await db.update(emailOutbox).set({ failedAt: new Date(), lastError }).where(eq(emailOutbox.id, email.id));
        } else {
          const wait = Math.min(options.retryMs * 2 ** (email.attempts - 1), MAX_BACKOFF_MS);
          log.warn({ ...attempt, retryInMs: wait }, 'could not send an email; it is retried');
          await db
            .update(emailOutbox)
            .set({ nextAttemptAt: new Date(Date.now() + wait), lastError })
            .where(eq(emailOutbox.id, email.id));
        }
      }
    }
  }
}
