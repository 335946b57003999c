import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';

/**
 * Notes in an account's activity that its sign-in was locked after too many wrong passwords, for how
 * long: its owner and the administrators see that someone tried. Nothing for an email with no account.
 */
export async function recordAccountLock(db: Db, options: { email: string; seconds: number }): Promise<void> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, options.email.trim().toLowerCase()));
  if (!user) return;
  await recordAudit(db, {
    planId: null,
    actorId: null,
    action: 'account.locked',
    target: `user:${user.id}`,
    after: { minutes: Math.round(options.seconds / 60) },
  });
}
