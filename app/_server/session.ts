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
export const currentUserId = cache(async (): Promise<string | null> => {
  const request = await headers();
  const session = await currentSession(
    await getDb(),
    { cookie: request.get('cookie'), authorization: request.get('authorization') },
    sessionCookieOptions(config()),
  );
  return session?.userId ?? null;
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
