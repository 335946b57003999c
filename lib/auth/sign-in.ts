import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { isDemoEmail } from './demo';
import { verifyPassword } from './password';

export type SignedInUser = { id: string; email: string; name: string };

/** Checks credentials; the same answer (null) for an unknown email and a wrong password. */
export async function signIn(
  db: Db,
  options: { email: string; password: string; demoAccounts: boolean },
): Promise<SignedInUser | null> {
  const email = options.email.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? null, options.password);
  if (!user || !ok) return null;
  if (!options.demoAccounts && isDemoEmail(user.email)) return null;
  return { id: user.id, email: user.email, name: user.name };
}
