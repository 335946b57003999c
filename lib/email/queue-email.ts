import type { Db } from '../../db/client';
import { emailOutbox } from '../../db/schema';
import { announceEmailQueued } from './email-setup';
import type { RenderedEmail } from './render-email';

export type QueuedEmail = RenderedEmail & {
  kind: 'invitation' | 'notification' | 'digest' | 'password-reset';
  to: string;
};

/**
 * Puts emails in the outbox, in the caller's transaction when it has one, so they exist exactly when
 * what they tell does; the worker sends them (call `announceEmailQueued` once the transaction commits).
 */
export async function queueEmails(db: Db, emails: readonly QueuedEmail[]): Promise<void> {
  if (!emails.length) return;
  await db.insert(emailOutbox).values(emails.map((e) => ({ ...e })));
}

/** Queues one email outside any transaction and wakes the worker. */
export async function queueEmail(db: Db, email: QueuedEmail): Promise<void> {
  await queueEmails(db, [email]);
  announceEmailQueued();
}
