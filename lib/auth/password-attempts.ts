import { RateLimiterRes, type RateLimiterMemory } from 'rate-limiter-flexible';
import { appError } from '../i18n/error-text';
import { windowLimiter } from './window-limiter';

/**
 * Tries at the current password when changing it, per account: a stolen session must not become a way
 * to guess the password at leisure. As many as sign-in allows (lib/auth/rate-limit.ts).
 */
const currentPasswordTries = windowLimiter('password-change', 10);

/**
 * Uses of reset links, per address: a token is 256 random bits and cannot be guessed, but a flood of
 * tries still costs a password hash each.
 */
const resetTries = windowLimiter('password-reset', 20);

async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw appError('rate_limited', 'tooManyPasswordTries', { minutes: Math.ceil(error.msBeforeNext / 60_000) });
  }
}

/** Counts one try at a user's current password; a rate_limited AppError past ten in 15 minutes. */
export function countPasswordChange(userId: string): Promise<void> {
  return consume(currentPasswordTries, userId);
}

/** A changed password clears the count, as a successful sign-in does. */
export async function clearPasswordChanges(userId: string): Promise<void> {
  await currentPasswordTries.delete(userId);
}

/** Counts one use of a reset link from an address; a rate_limited AppError past twenty in 15 minutes. */
export function countPasswordReset(address: string): Promise<void> {
  return consume(resetTries, address);
}
