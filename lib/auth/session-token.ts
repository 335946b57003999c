import type { IncomingMessage } from 'node:http';
import { parse } from 'cookie';
import { getToken } from 'next-auth/jwt';

export type SessionClaims = { userId: string; sessionId: string | null; expiresAt: Date };

/**
 * The session carried by a request's next-auth cookie (possibly chunked), or null when absent,
 * expired or not signed with our secret.
 */
export async function readSession(req: IncomingMessage, secret: string, secureCookie: boolean): Promise<SessionClaims | null> {
  const cookies = parse(req.headers.cookie ?? '');
  const token = await getToken({
    req: { cookies, headers: req.headers } as unknown as Parameters<typeof getToken>[0]['req'],
    secret,
    secureCookie,
  }).catch(() => null);
  if (typeof token?.sub !== 'string' || typeof token.exp !== 'number') return null;
  return { userId: token.sub, sessionId: typeof token.sid === 'string' ? token.sid : null, expiresAt: new Date(token.exp * 1000) };
}
