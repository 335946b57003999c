import type { IncomingMessage } from 'node:http';
import { parse } from 'cookie';
import { getToken } from 'next-auth/jwt';

/**
 * The signed-in user id carried by a request's next-auth session cookie (possibly chunked),
 * or null when absent, expired or not signed with our secret.
 */
export async function sessionUserId(req: IncomingMessage, secret: string, secureCookie: boolean): Promise<string | null> {
  const cookies = parse(req.headers.cookie ?? '');
  const token = await getToken({
    req: { cookies, headers: req.headers } as unknown as Parameters<typeof getToken>[0]['req'],
    secret,
    secureCookie,
  }).catch(() => null);
  return typeof token?.sub === 'string' ? token.sub : null;
}
