import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appError, fieldError } from '../i18n/error-text';
import { hashPassword, verifyPassword } from './password';
import { clearPasswordChanges, countPasswordChange } from './password-attempts';
import { announceEndedSessions, endUserSessions } from './sessions';

/**
 * A signed-in user changes their own password: the current one must be right (tries are counted, as at
 * sign-in), and every other session of theirs ends, so that whoever else held one is out. The session
 * that made the change stays. Says how many other sessions ended.
 */
export async function changePassword(
  db: Db,
  options: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const { userId, sessionId, currentPassword, newPassword } = options;
  await countPasswordChange(userId);
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user) throw appError('unauthenticated', 'accountGone');
  if (!(await verifyPassword(user.passwordHash, currentPassword)))
    throw fieldError('currentPassword', 'password.currentPassword.wrong');
  if (newPassword === currentPassword) throw fieldError('newPassword', 'password.newPassword.same');
  const passwordHash = await hashPassword(newPassword);
  const ended = await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await recordAudit(tx, {
      planId: null,
      actorId: userId,
      action: 'account.password_changed',
      target: `user:${userId}`,
    });
    return endUserSessions(tx, { userId, keep: sessionId });
  });
  announceEndedSessions(ended);
  await clearPasswordChanges(userId);
  return { endedSessions: ended.length };
}
