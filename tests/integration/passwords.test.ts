import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, passwordResets, users } from '../../db/schema';
import { changePassword } from '../../lib/auth/change-password';
import { issuePasswordReset } from '../../lib/auth/issue-password-reset';
import { hashPassword, verifyPassword } from '../../lib/auth/password';
import { resetPassword } from '../../lib/auth/reset-password';
import { recordSignIn } from '../../lib/auth/sessions';
import { hashToken } from '../../lib/plans/appoint-member';
import { CloseCode } from '../../lib/shared/close-codes';
import type { BuiltMember, BuiltPlan, BuiltSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually, within } from '../helpers/eventually';
import { upgradeStatus } from '../helpers/provider';
import { openRawClient } from '../helpers/raw-client';
import { sessionCookie } from '../helpers/session';
import { startSmtpServer } from '../helpers/smtp';
import { buildWorkingGroup } from '../helpers/working-group';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());

describe('changing and resetting a password', () => {
  const t = useCollabServer({ SMTP_URL: smtp.url, EMAIL_RETRY_MS: '200' });
  let plan: BuiltPlan;
  let peru: BuiltMember, mexico: BuiltMember;
  let police: BuiltSection;

  /** A session as signing in makes it (noted under its user), with its cookie. */
  async function signedIn(userId: string) {
    const sessionId = randomUUID();
    await recordSignIn(t.db, { sessionId, userId });
    return { sessionId, cookie: await sessionCookie(userId, { sessionId }) };
  }

  beforeAll(async () => {
    ({ plan, peru, mexico, police } = await buildWorkingGroup(t.db));
    for (const who of [peru, mexico])
      await t.db
        .update(users)
        .set({ passwordHash: await hashPassword('old-password') })
        .where(eq(users.id, who.id));
  });

  it('changes a password behind the current one, ends the other sessions and keeps this one', async () => {
    const here = await signedIn(peru.id);
    const laptop = await signedIn(peru.id);
    const phone = await signedIn(peru.id);
    const other = await openRawClient(t.server.url, police.room, laptop.cookie);
    const own = await openRawClient(t.server.url, police.room, here.cookie);

    await expect(
      changePassword(t.db, {
        userId: peru.id,
        sessionId: here.sessionId,
        currentPassword: 'wrong-password',
        newPassword: 'new-password-1',
      }),
    ).rejects.toMatchObject({ code: 'invalid', text: { field: 'currentPassword' } });
    await expect(
      changePassword(t.db, {
        userId: peru.id,
        sessionId: here.sessionId,
        currentPassword: 'old-password',
        newPassword: 'old-password',
      }),
    ).rejects.toMatchObject({ code: 'invalid', text: { field: 'newPassword' } });

    const result = await changePassword(t.db, {
      userId: peru.id,
      sessionId: here.sessionId,
      currentPassword: 'old-password',
      newPassword: 'new-password-1',
    });
    expect(result).toEqual({ endedSessions: 2 });
    expect(await within(other.closed, 2_000)).toBe(CloseCode.Unauthenticated);
    expect(await upgradeStatus(t.server.url, police.room, phone.cookie)).toBe(401);
    expect(await upgradeStatus(t.server.url, police.room, here.cookie)).toBe(101);
    own.close();
    const [user] = await t.db.select().from(users).where(eq(users.id, peru.id));
    expect(await verifyPassword(user!.passwordHash, 'new-password-1')).toBe(true);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `user:${peru.id}`));
    // Sign-ins are in the account's activity too (account-activity.test.ts); here, the password's entries.
    const passwordEntries = audit.filter((a) => a.action !== 'account.signed_in');
    expect(passwordEntries.map((a) => a.action)).toEqual(['account.password_changed']);
  });

  it('locks changing a password after ten wrong tries at the current one', async () => {
    const here = await signedIn(mexico.id);
    const attempt = (currentPassword: string) =>
      changePassword(t.db, { userId: mexico.id, sessionId: here.sessionId, currentPassword, newPassword: 'new-one-2' });
    for (let i = 0; i < 10; i++)
      await expect(attempt(`guess-${i}`)).rejects.toMatchObject({ text: { field: 'currentPassword' } });
    // The right one is refused too while locked: the lock does not tell a guess from the truth.
    await expect(attempt('old-password')).rejects.toMatchObject({
      code: 'rate_limited',
      text: { key: 'ServerErrors.tooManyPasswordTries', values: { minutes: 15 } },
    });
  }, 30_000);

  it('lets only an administrator make a reset link, stores its hash, and emails it', async () => {
    await expect(issuePasswordReset(t.db, { actorId: plan.chair.id, email: mexico.email })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      issuePasswordReset(t.db, { actorId: plan.admin.id, email: 'nobody@ministry.test' }),
    ).rejects.toMatchObject({ code: 'invalid', text: { field: 'email' } });

    const first = await issuePasswordReset(t.db, { actorId: plan.admin.id, email: ` ${mexico.email.toUpperCase()} ` });
    expect(first).toMatchObject({ email: mexico.email, emailed: true });
    expect(first.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const stored = await t.db.select().from(passwordResets).where(eq(passwordResets.userId, mexico.id));
    expect(stored.map((r) => r.tokenHash)).toEqual([hashToken(first.token)]);
    expect(JSON.stringify(stored)).not.toContain(first.token);
    await eventually(() =>
      expect(smtp.received.filter((m) => m.to.includes(mexico.email) && m.subject.includes('password'))).toHaveLength(
        1,
      ),
    );
    const email = smtp.received.find((m) => m.to.includes(mexico.email) && m.subject.includes('password'))!;
    expect(email.text).toContain(`${t.server.url}/password-reset/${first.token}`);

    // A second link replaces the first, which stops working.
    const second = await issuePasswordReset(t.db, { actorId: plan.admin.id, email: mexico.email });
    await expect(resetPassword(t.db, { token: first.token, password: 'chosen-by-mexico' })).rejects.toMatchObject({
      code: 'not_found',
    });

    const laptop = await signedIn(mexico.id);
    const socket = await openRawClient(t.server.url, police.room, laptop.cookie);
    // Two uses at once: one sets the password, the other finds the link used.
    const tries = ['chosen-by-mexico', 'chosen-by-someone-else'];
    const outcomes = await Promise.allSettled(
      tries.map((password) => resetPassword(t.db, { token: second.token, password })),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
    const [user] = await t.db.select().from(users).where(eq(users.id, mexico.id));
    const winner = tries[outcomes.findIndex((o) => o.status === 'fulfilled')]!;
    expect(await verifyPassword(user!.passwordHash, winner)).toBe(true);
    // Every session of the account ends, this one included: whoever forced the reset may hold one.
    expect(await within(socket.closed, 2_000)).toBe(CloseCode.Unauthenticated);
    await expect(resetPassword(t.db, { token: second.token, password: 'again-and-again' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `user:${mexico.id}`));
    const passwordEntries = audit.filter((a) => a.action !== 'account.signed_in');
    expect(passwordEntries.map((a) => a.action)).toEqual([
      'account.reset_issued',
      'account.reset_issued',
      'account.password_reset',
    ]);
    expect(passwordEntries[2]!.after).toEqual({ issuedBy: plan.admin.id });
  }, 30_000);

  it('refuses an expired reset link', async () => {
    const issued = await issuePasswordReset(t.db, { actorId: plan.admin.id, email: peru.email });
    await t.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(passwordResets.tokenHash, hashToken(issued.token)));
    await expect(resetPassword(t.db, { token: issued.token, password: 'too-late-now' })).rejects.toMatchObject({
      code: 'not_found',
      text: { key: 'ServerErrors.resetExpired' },
    });
  });
});
