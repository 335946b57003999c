import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { TEST_SECRET } from './server';

/** A next-auth session cookie exactly as the sign-in route would set it (a new session id unless given). */
export async function sessionCookie(
  userId: string,
  options: { maxAge?: number; secret?: string; sessionId?: string } = {},
): Promise<string> {
  const token = await encode({
    token: { sub: userId, sid: options.sessionId ?? randomUUID() },
    secret: options.secret ?? TEST_SECRET,
    maxAge: options.maxAge ?? 3600,
  });
  return `next-auth.session-token=${token}`;
}

export async function userIdByEmail(db: Db, email: string): Promise<string> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}
