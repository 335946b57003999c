import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * argon2id, with 46 MiB of memory (OWASP's minimum for one pass is 46 MiB, t=1) and 20 passes, so a
 * check costs about 0.3 s on the 2-core machine this runs on (measured 7 December 2026: the library's
 * defaults, 19 MiB × 2 passes, 15 ms; 46 MiB × 10 passes, 160 ms; × 20, median 0.37 s, 0.32–0.52 s, with a load average of 8). The
 * memory is kept at the minimum so that a burst of sign-ins (100 per address per 15 minutes) cannot
 * exhaust the server; the time is what makes guessing dear. Hashes made with other parameters still
 * verify: each hash records its own.
 */
export const PASSWORD_HASHING: Options = { memoryCost: 47_104, timeCost: 20, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASHING);
}

/** A hash computed once, so unknown emails cost the same time as wrong passwords. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
