import { parse } from 'cookie';
import { getToken } from 'next-auth/jwt';

export type SessionClaims = { userId: string; sessionId: string; expiresAt: Date };

/** The request headers a session is read from: a Node request's headers or a Fetch request's, as plain values. */
export type SessionHeaders = { cookie?: string | null; authorization?: string | null };

/**
 * Sessions already decrypted, by cookie: one browser opens several sockets with the same cookie (a
 * plan page two, the chair's board one per section), calls the API several times per page and reopens
 * everything after a restart, and each decryption derives its key anew. Claims never change; expiry is
 * checked on every read, revocation by the caller.
 */
const decoded = new Map<string, SessionClaims>();
/** A plenary's browsers, several times over; a cookie is about 0.5 KB. */
const MAX_DECODED = 4_096;

/** The session cookie's value as next-auth reads it (chunks `name.0`, `name.1`… in order), or null. */
function sessionCookie(cookies: Record<string, string | undefined>, secureCookie: boolean): string | null {
  const name = `${secureCookie ? '__Secure-' : ''}next-auth.session-token`;
  const parts = Object.keys(cookies)
    .filter((key) => key === name || key.startsWith(`${name}.`))
    .sort((a, b) => Number(a.slice(name.length + 1) || 0) - Number(b.slice(name.length + 1) || 0))
    .map((key) => cookies[key] ?? '');
  return parts.length ? parts.join('') : null;
}

/**
 * The session carried by a request's next-auth cookie (possibly chunked) or bearer token, or null when
 * absent, expired, not signed with our secret, or without a session id (every sign-in issues one; a
 * session without it could never be signed out). Revocation is checked by currentSession().
 */
export async function readSession(
  headers: SessionHeaders,
  secret: string,
  secureCookie: boolean,
): Promise<SessionClaims | null> {
  const cookies = parse(headers.cookie ?? '');
  // With a bearer token beside the cookie, next-auth may have read either: only a cookie alone is cached.
  const cookie = headers.authorization ? null : sessionCookie(cookies, secureCookie);
  const key = cookie && `${secret}\n${cookie}`;
  const known = key ? decoded.get(key) : undefined;
  if (known) {
    if (known.expiresAt.getTime() > Date.now()) return known;
    decoded.delete(key!);
  }
  const token = await getToken({
    req: { cookies, headers: { authorization: headers.authorization ?? undefined } } as unknown as Parameters<
      typeof getToken
    >[0]['req'],
    secret,
    secureCookie,
  }).catch(() => null);
  // next-auth tolerates 15 s of clock skew; a socket would be closed for expiry as soon as it opened.
  if (
    typeof token?.sub !== 'string' ||
    typeof token.sid !== 'string' ||
    typeof token.exp !== 'number' ||
    token.exp * 1000 <= Date.now()
  )
    return null;
  const claims = { userId: token.sub, sessionId: token.sid, expiresAt: new Date(token.exp * 1000) };
  if (key) {
    if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, claims);
  }
  return claims;
}
