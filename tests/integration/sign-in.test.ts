import { beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../db/seed';
import { signIn } from '../../lib/auth/sign-in';
import { useDatabase } from '../helpers/database-fixture';

/** Signing in to the demo accounts, which the demo plan's seed creates. */
describe('signIn', () => {
  const database = useDatabase();

  beforeAll(async () => {
    await seed(database.db, { demoPassword: 'demo-password' });
  });

  it('accepts the right password, whatever the case of the email', async () => {
    const user = await signIn(database.db, { email: 'Peru@Demo.test ', password: 'demo-password', demoAccounts: true });
    expect(user).toMatchObject({ email: 'peru@demo.test', name: 'Coordinator of Peru' });
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    expect(await signIn(database.db, { email: 'peru@demo.test', password: 'nope', demoAccounts: true })).toBeNull();
    expect(
      await signIn(database.db, { email: 'ghost@demo.test', password: 'demo-password', demoAccounts: true }),
    ).toBeNull();
  });

  it('refuses demo accounts where they are switched off (production)', async () => {
    expect(
      await signIn(database.db, { email: 'peru@demo.test', password: 'demo-password', demoAccounts: false }),
    ).toBeNull();
  });

  it('seeds only once: a second run leaves the plan alone', async () => {
    expect(await seed(database.db, { demoPassword: 'other' })).toEqual({ seeded: false });
    expect(
      await signIn(database.db, { email: 'peru@demo.test', password: 'demo-password', demoAccounts: true }),
    ).not.toBeNull();
  });
});
