import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listAccountActivity } from '../../lib/audit/list-account-activity';
import { changePassword } from '../../lib/auth/change-password';
import { issuePasswordReset } from '../../lib/auth/issue-password-reset';
import { recordAccountLock } from '../../lib/auth/record-account-lock';
import { resetPassword } from '../../lib/auth/reset-password';
import { recordSignIn } from '../../lib/auth/sessions';
import { buildUser } from '../factories';
import { useDatabase } from '../helpers/database-fixture';

describe("an account's activity", () => {
  const t = useDatabase();

  it('lists sign-ins, a lock, a password change and a reset, newest first, to the owner and administrators only', async () => {
    const admin = await buildUser(t.db, { name: 'Instance Administrator', isAdmin: true });
    const peru = await buildUser(t.db, { name: 'Coordinator of Peru', password: 'old-password-1' });
    const mexico = await buildUser(t.db, { name: 'Coordinator of Mexico' });
    const sessionId = randomUUID();
    await recordSignIn(t.db, { sessionId, userId: peru.id });
    // The same session noted twice (next-auth renews its token) is one sign-in.
    await recordSignIn(t.db, { sessionId, userId: peru.id });
    await recordAccountLock(t.db, { email: peru.email.toUpperCase(), seconds: 15 * 60 });
    await recordAccountLock(t.db, { email: 'nobody@nowhere.test', seconds: 15 * 60 });
    await changePassword(t.db, {
      userId: peru.id,
      sessionId,
      currentPassword: 'old-password-1',
      newPassword: 'new-password-22',
    });
    const { token } = await issuePasswordReset(t.db, { actorId: admin.id, email: peru.email });
    await resetPassword(t.db, { token, password: 'newer-password-333' });

    const own = await listAccountActivity(t.db, { viewerId: peru.id, userId: peru.id });
    expect(own.entries.map((e) => [e.action, e.actor])).toEqual([
      ['account.password_reset', 'Coordinator of Peru'],
      ['account.reset_issued', 'Instance Administrator'],
      ['account.password_changed', 'Coordinator of Peru'],
      ['account.locked', null],
      ['account.signed_in', 'Coordinator of Peru'],
    ]);
    expect(own.entries[3]!.after).toEqual({ minutes: 15 });
    expect(own.olderBefore).toBeNull();

    const byAdmin = await listAccountActivity(t.db, { viewerId: admin.id, userId: peru.id });
    expect(byAdmin.entries.map((e) => e.id)).toEqual(own.entries.map((e) => e.id));
    await expect(listAccountActivity(t.db, { viewerId: mexico.id, userId: peru.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    // Nothing of Peru's in Mexico's own list.
    expect((await listAccountActivity(t.db, { viewerId: mexico.id, userId: mexico.id })).entries).toEqual([]);
  });

  it('pages a long activity, each page older than the last, none lost or repeated', async () => {
    const chile = await buildUser(t.db, { name: 'Coordinator of Chile' });
    for (let i = 0; i < 45; i++) await recordSignIn(t.db, { sessionId: randomUUID(), userId: chile.id });
    const seen: number[] = [];
    let before: number | undefined;
    const sizes: number[] = [];
    for (;;) {
      const page = await listAccountActivity(t.db, { viewerId: chile.id, userId: chile.id, before });
      sizes.push(page.entries.length);
      seen.push(...page.entries.map((e) => e.id));
      if (page.olderBefore === null) break;
      before = page.olderBefore;
    }
    expect(sizes).toEqual([20, 20, 5]);
    expect(new Set(seen).size).toBe(45);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });
});
