import type { Db } from '../../db/client';
import type { Config } from '../env';
import { isSessionRevoked } from './sessions';
import { readSession, type SessionClaims, type SessionHeaders } from './session-token';

export type SessionCookieOptions = {
  /** NEXTAUTH_SECRET: the key the session token is encrypted with. */
  secret: string;
  /** Whether the cookie is the `__Secure-` one next-auth sets when the site is served over https. */
  secureCookie: boolean;
};

/** next-auth sets the `__Secure-` cookie exactly when the site's public URL is https. */
export function sessionCookieOptions(config: Pick<Config, 'NEXTAUTH_SECRET' | 'NEXTAUTH_URL'>): SessionCookieOptions {
  return { secret: config.NEXTAUTH_SECRET, secureCookie: config.NEXTAUTH_URL?.startsWith('https://') ?? false };
}

/**
 * Whether a session may still act: unexpired and not signed out. The revocation read is one prepared
 * statement on the primary key of a table holding only the sessions signed out in the last 12 hours.
 */
export async function isSessionLive(db: Db, session: { sessionId: string; expiresAt: Date }): Promise<boolean> {
  if (session.expiresAt.getTime() <= Date.now()) return false;
  return !(await isSessionRevoked(db, session.sessionId));
}

/**
 * The one session check of every route handler, page and collaboration socket: the request's session
 * when it is valid, unexpired and not signed out, else null.
 */
export async function currentSession(
  db: Db,
  headers: SessionHeaders,
  options: SessionCookieOptions,
): Promise<SessionClaims | null> {
  const session = await readSession(headers, options.secret, options.secureCookie);
  return session && (await isSessionLive(db, session)) ? session : null;
}
