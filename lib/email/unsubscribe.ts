import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/client';
import { appError } from '../i18n/error-text';
import { chooseEmailNotifications } from '../users/email-notifications';

/**
 * The token of a user's unsubscribe link: an HMAC of their id under the server's secret, so the link
 * works without signing in and cannot be made for someone else. It never expires; it only turns
 * notification emails off.
 */
export function unsubscribeToken(userId: string, secret: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${userId}`).digest('base64url');
}

/** The link every notification email ends with. */
export function unsubscribeLink(siteOrigin: string, userId: string, secret: string): string {
  const url = new URL('/unsubscribe', siteOrigin);
  url.searchParams.set('u', userId);
  url.searchParams.set('t', unsubscribeToken(userId, secret));
  return url.toString();
}

export function validUnsubscribeToken(userId: string, token: string, secret: string): boolean {
  const expected = Buffer.from(unsubscribeToken(userId, secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Turns the user's notification emails off, on the strength of the link's token alone. */
export async function unsubscribe(db: Db, options: { userId: string; token: string; secret: string }): Promise<void> {
  if (!validUnsubscribeToken(options.userId, options.token, options.secret))
    throw appError('forbidden', 'unsubscribeInvalid');
  await chooseEmailNotifications(db, { userId: options.userId, emailNotifications: 'off' });
}
