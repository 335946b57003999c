import { RateLimiterRes } from 'rate-limiter-flexible';
import { lockedMessage } from '../shared/sign-in-lock';
import { LIMIT_WINDOW_SECONDS as WINDOW_SECONDS, windowLimiter } from './window-limiter';

/**
 * Sign-in attempts allowed per account and per address in 15 minutes. Unknown accounts count the same
 * as real ones, so the limit reveals nothing.
 */
const perAccount = windowLimiter('account', 10);
const perAddress = windowLimiter('address', 100);

/** The account or address is locked; the message is what the sign-in form reads (lib/shared/sign-in-lock.ts). */
export class TooManyAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(lockedMessage(retryAfterSeconds));
  }
}

/** Counts one attempt; throws TooManyAttempts when the account or the address is over its limit. */
export async function countSignInAttempt(email: string, address: string): Promise<void> {
  try {
    await Promise.all([perAccount.consume(email.trim().toLowerCase()), perAddress.consume(address)]);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new TooManyAttempts(error.msBeforeNext / 1000);
    throw error;
  }
}

/**
 * After a failed sign-in: when that was the account's last attempt, locks it now and throws, so the
 * person is told at their tenth failure, not at an eleventh attempt that never had a chance.
 */
export async function lockIfExhausted(email: string): Promise<void> {
  const key = email.trim().toLowerCase();
  const used = await perAccount.get(key);
  if (!used || used.remainingPoints > 0) return;
  await perAccount.block(key, WINDOW_SECONDS);
  throw new TooManyAttempts(WINDOW_SECONDS);
}

/** A successful sign-in clears the account's count, so a user's own typos do not lock them out later. */
export async function clearSignInAttempts(email: string): Promise<void> {
  await perAccount.delete(email.trim().toLowerCase());
}
