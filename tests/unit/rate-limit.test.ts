import { describe, expect, it } from 'vitest';
import { countSignInAttempt, lockIfExhausted, TooManyAttempts } from '../../lib/auth/rate-limit';
import { lockedMessage, lockedMinutes } from '../../lib/shared/sign-in-lock';

describe('sign-in lockout', () => {
  it('locks an account at its tenth failure and says for how long', async () => {
    const email = `guessed${Date.now()}@ministry.test`;
    for (let attempt = 1; attempt <= 9; attempt++) {
      await countSignInAttempt(email, '192.0.2.1');
      await expect(lockIfExhausted(email)).resolves.toBeUndefined();
    }
    await countSignInAttempt(email, '192.0.2.1');
    const tenth = await lockIfExhausted(email).catch((error: unknown) => error);
    expect(tenth).toBeInstanceOf(TooManyAttempts);
    expect(lockedMinutes((tenth as Error).message)).toBe(15);
    // Still locked, with the right password too: the attempt is refused before it is checked.
    const next = await countSignInAttempt(email.toUpperCase(), '192.0.2.2').catch((error: unknown) => error);
    expect(lockedMinutes((next as Error).message)).toBe(15);
  });

  it('reads only its own messages', () => {
    expect(lockedMinutes(lockedMessage(61))).toBe(2);
    expect(lockedMinutes('CredentialsSignin')).toBeNull();
    expect(lockedMinutes('locked:abc')).toBeNull();
  });
});
