import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '../../db';
import { currentSession, sessionCookieOptions } from '../../lib/auth/current-session';
import { config } from '../../lib/env';
import { appError } from '../../lib/i18n/error-text';

/**
 * The signed-in user's id, or null when the request has no session or a signed-out or expired one.
 * Checked once per page render (the page, its title and its language all ask).
 */
export const currentUserId = cache(async (): Promise<string | null> => (await currentSessionClaims())?.userId ?? null);

const currentSessionClaims = cache(async () => {
  const request = await headers();
  return currentSession(
    await getDb(),
    { cookie: request.get('cookie'), authorization: request.get('authorization') },
    sessionCookieOptions(config()),
  );
});

/** For pages: the signed-in user's id, or a redirect to the sign-in page. */
export async function requireUserId(callbackUrl: string): Promise<string> {
  const userId = await currentUserId();
  if (!userId) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return userId;
}

/** For route handlers: the signed-in user's id, or an unauthenticated AppError. */
export async function requireApiUserId(): Promise<string> {
  const userId = await currentUserId();
  if (!userId) throw appError('unauthenticated', 'signInRequired');
  return userId;
}

/** For route handlers that act on the session itself (changing a password keeps it): user and session ids. */
export async function requireApiSession(): Promise<{ userId: string; sessionId: string }> {
  const session = await currentSessionClaims();
  if (!session) throw appError('unauthenticated', 'signInRequired');
  return { userId: session.userId, sessionId: session.sessionId };
}
