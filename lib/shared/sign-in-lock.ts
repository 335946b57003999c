/**
 * How the server tells the sign-in form that an account is locked: next-auth passes a thrown error's
 * message to the browser as is, so the message carries the minutes and the form says it in words.
 */
const LOCKED = 'locked:';

export function lockedMessage(seconds: number): string {
  return `${LOCKED}${Math.max(1, Math.ceil(seconds / 60))}`;
}

/** The minutes an account stays locked, from the error a sign-in returned; null for any other error. */
export function lockedMinutes(error: string | null | undefined): number | null {
  if (!error?.startsWith(LOCKED)) return null;
  const minutes = Number(error.slice(LOCKED.length));
  return Number.isInteger(minutes) && minutes > 0 ? minutes : null;
}
