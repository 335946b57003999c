import { RateLimiterMemory } from 'rate-limiter-flexible';

/** The window every limit on passwords counts in: sign-in, changing a password, using a reset link. */
export const LIMIT_WINDOW_SECONDS = 15 * 60;

/**
 * `points` tries per key in the window, then none until it ends. Kept in process memory: a restart
 * resets the counts, which only helps an attacker once per restart.
 */
export function windowLimiter(keyPrefix: string, points: number): RateLimiterMemory {
  return new RateLimiterMemory({
    keyPrefix,
    points,
    duration: LIMIT_WINDOW_SECONDS,
    blockDuration: LIMIT_WINDOW_SECONDS,
  });
}
