import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;

/**
 * Sign-in attempts allowed per account and per address in 15 minutes. Kept in process memory: a
 * restart resets them, which only helps an attacker once per restart. Unknown accounts count the
 * same as real ones, so the limit reveals nothing.
 */
const perAccount = new RateLimiterMemory({
  keyPrefix: 'account',
  points: 10,
  duration: WINDOW_SECONDS,
  blockDuration: WINDOW_SECONDS,
});
const perAddress = new RateLimiterMemory({
  keyPrefix: 'address',
  points: 100,
  duration: WINDOW_SECONDS,
  blockDuration: WINDOW_SECONDS,
});

export class TooManyAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
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

/** A successful sign-in clears the account's count, so a user's own typos do not lock them out later. */
export async function clearSignInAttempts(email: string): Promise<void> {
  await perAccount.delete(email.trim().toLowerCase());
}
