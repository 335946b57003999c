import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { passwordResets, users } from '../../db/schema';
import { appError } from '../i18n/error-text';
import { hashToken } from '../plans/appoint-member';

/** The unused, unexpired reset a link's token names, with its user's email (what the page shows). */
export async function openPasswordReset(db: Db, token: string) {
  const [row] = await db
    .select({ reset: passwordResets, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt)));
  if (!row) throw appError('not_found', 'resetInvalid');
  if (row.reset.expiresAt.getTime() < Date.now()) throw appError('not_found', 'resetExpired');
  return row;
}
