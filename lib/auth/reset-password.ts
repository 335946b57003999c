import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { passwordResets, users } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appError } from '../i18n/error-text';
import { hashToken } from '../plans/appoint-member';
import { openPasswordReset } from './open-password-reset';
import { hashPassword } from './password';
import { announceEndedSessions, endUserSessions } from './sessions';

/**
 * Sets a new password through a reset link and uses the link up; every session of the user ends, as
 * whoever made the reset necessary may hold one. The person then signs in with the new password.
 */
export async function resetPassword(db: Db, options: { token: string; password: string }): Promise<{ email: string }> {
  const { reset, email } = await openPasswordReset(db, options.token);
  const passwordHash = await hashPassword(options.password);
  const ended = await db.transaction(async (tx) => {
    // Used up only if still unused and unexpired: of two uses at once, the second finds it used.
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(options.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, new Date()),
        ),
      )
      .returning({ id: passwordResets.id });
    if (!claimed) throw appError('conflict', 'resetUsed');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await recordAudit(tx, {
      planId: null,
      actorId: reset.userId,
      action: 'account.password_reset',
      target: `user:${reset.userId}`,
      after: { issuedBy: reset.createdBy },
    });
    return endUserSessions(tx, { userId: reset.userId });
  });
  announceEndedSessions(ended);
  return { email };
}
