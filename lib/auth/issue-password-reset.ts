import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { passwordResets, users } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { sendPasswordResetEmail } from '../email/send-password-reset-email';
import { appError, fieldError } from '../i18n/error-text';
import { canResetPasswords } from '../permissions/can';
import { hashToken } from '../plans/appoint-member';

/** How long a reset link works: long enough to reach someone by another channel, short enough to be stale soon. */
export const RESET_LINK_HOURS = 24;

export type IssuedReset = { token: string; email: string; name: string; expiresAt: Date; emailed: boolean };

/**
 * An administrator makes a one-time link for a user to choose a new password. A new link replaces any
 * unused one for the same user; only the token's hash is stored. The link is emailed when the server
 * sends email; the administrator is given it either way, to pass on.
 */
export async function issuePasswordReset(db: Db, options: { actorId: string; email: string }): Promise<IssuedReset> {
  const [actor] = await db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, options.actorId));
  if (!actor || !canResetPasswords({ userId: options.actorId, isAdmin: actor.isAdmin }))
    throw appError('forbidden', 'onlyAdminResets');
  const email = options.email.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.email, email));
  if (!user) throw fieldError('email', 'passwordReset.email.unknown');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 60 * 60 * 1000);
  await db.transaction(async (tx) => {
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await tx
      .insert(passwordResets)
      .values({ userId: user.id, tokenHash: hashToken(token), createdBy: options.actorId, expiresAt });
    await recordAudit(tx, {
      planId: null,
      actorId: options.actorId,
      action: 'account.reset_issued',
      target: `user:${user.id}`,
      after: { email: user.email, expiresAt },
    });
  });
  const emailed = await sendPasswordResetEmail(db, { userId: user.id, token, hours: RESET_LINK_HOURS });
  return { token, email: user.email, name: user.name, expiresAt, emailed };
}
