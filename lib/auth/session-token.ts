import type { IncomingMessage } from 'node:http';
import { parse } from 'cookie';
import { getToken } from 'next-auth/jwt';

export type SessionClaims = { userId: string; sessionId: string | null; expiresAt: Date };

/**
 * Sessions already decrypted, by cookie: one browser opens several sockets with the same cookie (a
 * plan page two, the chair's board one per section) and reopens them all after a restart, and each
 * decryption derives its key anew. Claims never change; expiry is checked on every read, revocation
 * by the caller.
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
 * The session carried by a request's next-auth cookie (possibly chunked), or null when absent,
 * expired or not signed with our secret.
 */
export async function readSession(req: IncomingMessage, secret: string, secureCookie: boolean): Promise<SessionClaims | null> {
  const cookies = parse(req.headers.cookie ?? '');
  // With a bearer token beside the cookie, next-auth may have read either: only a cookie alone is cached.
  const cookie = req.headers.authorization ? null : sessionCookie(cookies, secureCookie);
  const key = cookie && `${secret}\n${cookie}`;
  const known = key ? decoded.get(key) : undefined;
  if (known) {
    if (known.expiresAt.getTime() > Date.now()) return known;
    decoded.delete(key!);
  }
  const token = await getToken({
    req: { cookies, headers: req.headers } as unknown as Parameters<typeof getToken>[0]['req'],
    secret,
    secureCookie,
  }).catch(() => null);
  // next-auth tolerates 15 s of clock skew; a socket would be closed for expiry as soon as it opened.
  if (typeof token?.sub !== 'string' || typeof token.exp !== 'number' || token.exp * 1000 <= Date.now()) return null;
  const claims = { userId: token.sub, sessionId: typeof token.sid === 'string' ? token.sid : null, expiresAt: new Date(token.exp * 1000) };
  if (key) {
    if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, claims);
  }
  return claims;
}
