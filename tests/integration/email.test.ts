import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, invitations } from '../../db/schema';
import { postComment } from '../../lib/discussion/post-comment';
import { composeNotificationEmails } from '../../lib/email/compose-notification-emails';
import { listNotifications } from '../../lib/notifications/list-notifications';
import { appointMember } from '../../lib/plans/appoint-member';
import { openInvitation } from '../../lib/plans/open-invitation';
import { resendInvitation } from '../../lib/plans/resend-invitation';
import { unsubscribe } from '../../lib/email/unsubscribe';
import { chooseEmailNotifications, readEmailNotifications } from '../../lib/users/email-notifications';
import { chooseInterfaceLocale } from '../../lib/users/interface-locale';
import type { BuiltMember, BuiltPlan, BuiltSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { TEST_SECRET } from '../helpers/server';
import { startSmtpServer } from '../helpers/smtp';
import { buildWorkingGroup } from '../helpers/working-group';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());

const mentionOf = (who: BuiltMember) => [{ kind: 'state' as const, code: who.state!.code, label: who.state!.name }];

describe('email, with SMTP_URL set', () => {
  const t = useCollabServer({ SMTP_URL: smtp.url, EMAIL_RETRY_MS: '200' });
  const db = () => t.db;
  let plan: BuiltPlan;
  let peru: BuiltMember, mexico: BuiltMember, brazil: BuiltMember;
  let police: BuiltSection;
  const to = (address: string) => smtp.received.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    ({ plan, peru, mexico, brazil, police } = await buildWorkingGroup(db()));
    await chooseInterfaceLocale(db(), { userId: mexico.id, locale: 'es' });
    // Each member was emailed their appointment; the tests count what comes after it.
    await eventually(() =>
      expect(to(brazil.email).map((m) => m.subject)).toEqual([expect.stringContaining('appointed you')]),
    );
  });

  it("emails a mention of Mexico to Mexico's coordinator, in Spanish, with a link to the message", async () => {
    const posted = await postComment(db(), {
      userId: peru.id,
      sectionId: police.id,
      body: '@Mexico, ¿puede revisar las cifras?',
      mentions: mentionOf(mexico),
    });
    await eventually(() => expect(to(mexico.email).filter((m) => m.subject.includes('mencionó'))).toHaveLength(1));
    const [email] = to(mexico.email).filter((m) => m.subject.includes('mencionó'));
    expect(email!.subject).toBe(`${peru.name} lo mencionó en «${police.title}» (${plan.title})`);
    const link = `${t.server.url}/plans/${plan.id}/sections/${police.id}#comment-${posted.id}`;
    expect(email!.text).toContain(`Abrirlo en Concordia: ${link}`);
    expect(email!.html).toContain(`<a href="${link}">Abrirlo en Concordia</a>`);
    expect(email!.html).toContain('<html lang="es">');
    expect(to(peru.email).filter((m) => m.subject.includes(police.title))).toEqual([]);

    // Its unsubscribe link works without signing in, for Mexico only.
    const stop = new URL(/Dejar de recibir estos correos: (\S+)/.exec(email!.text)![1]!);
    expect(stop.pathname).toBe('/unsubscribe');
    const [userId, token] = [stop.searchParams.get('u')!, stop.searchParams.get('t')!];
    expect(userId).toBe(mexico.id);
    await expect(unsubscribe(db(), { userId: peru.id, token, secret: TEST_SECRET })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await unsubscribe(db(), { userId, token, secret: TEST_SECRET });
    expect(await readEmailNotifications(db(), mexico.id)).toBe('off');
    expect(await readEmailNotifications(db(), peru.id)).toBe('immediate');
    await chooseEmailNotifications(db(), { userId: mexico.id, emailNotifications: 'immediate' });
  });

  it('gathers the notifications of someone who chose a daily digest into one email', async () => {
    await chooseEmailNotifications(db(), { userId: brazil.id, emailNotifications: 'daily' });
    const before = to(brazil.email).length;
    for (const body of ['@Brazil, first question.', '@Brazil, second question.'])
      await postComment(db(), { userId: peru.id, sectionId: police.id, body, mentions: mentionOf(brazil) });
    // The worker's own rounds hold them until the digest hour has passed.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(to(brazil.email)).toHaveLength(before);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60_000);
    await composeNotificationEmails(db(), {
      siteOrigin: t.server.url,
      secret: TEST_SECRET,
      digestHour: 7,
      now: tomorrow,
    });
    await eventually(() => expect(to(brazil.email)).toHaveLength(before + 1));
    const digest = to(brazil.email).at(-1)!;
    expect(digest.subject).toBe('Concordia: 2 notifications');
    expect(digest.text.match(/mentioned you in/g)).toHaveLength(2);
    expect(digest.text).toContain(`All your notifications: ${t.server.url}/notifications`);
  });

  it('emails an invitation whose link opens the invitation', async () => {
    const address = 'new.delegate@example.org';
    const result = await appointMember(db(), {
      actorId: plan.chair.id,
      planId: plan.id,
      input: { email: address, role: 'coordinator', stateCode: 'ARG' },
    });
    await eventually(() => expect(to(address)).toHaveLength(1));
    const [email] = to(address);
    expect(email!.subject).toBe(`Invitation to “${plan.title}”`);
    expect(email!.text).toContain('You are invited to draft for Argentina.');
    const token = /\/invitations\/([\w-]+)/.exec(email!.text)?.[1];
    expect(result).toMatchObject({ kind: 'invitation', token, emailed: true });
    expect((await openInvitation(db(), token!)).invitation.email).toBe(address);

    // A new link for the same invitation is emailed too; the first one no longer opens it.
    const [pending] = await db().select().from(invitations).where(eq(invitations.email, address));
    const renewed = await resendInvitation(db(), {
      actorId: plan.chair.id,
      planId: plan.id,
      invitationId: pending!.id,
    });
    await eventually(() => expect(to(address)).toHaveLength(2));
    const newToken = /\/invitations\/([\w-]+)/.exec(to(address)[1]!.text)?.[1];
    expect(renewed).toMatchObject({ token: newToken, emailed: true });
    expect((await openInvitation(db(), newToken!)).invitation.email).toBe(address);
    await expect(openInvitation(db(), token!)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps an email the SMTP server refuses and sends it once the server takes it', async () => {
    smtp.refuse = true;
    const before = to(mexico.email).length;
    try {
      await postComment(db(), {
        userId: brazil.id,
        sectionId: police.id,
        body: '@Mexico, the deadline?',
        mentions: mentionOf(mexico),
      });
      expect((await listNotifications(db(), { userId: mexico.id })).notifications[0]).toMatchObject({
        kind: 'mention',
        actorName: brazil.name,
      });
      await eventually(async () => {
        const [row] = await db()
          .select()
          .from(emailOutbox)
          .where(eq(emailOutbox.to, mexico.email))
          .orderBy(emailOutbox.createdAt)
          .limit(50)
          .then((rows) => rows.slice(-1));
        expect(row).toMatchObject({
          sentAt: null,
          failedAt: null,
          lastError: expect.stringContaining('Try again later'),
        });
        expect(row!.attempts).toBeGreaterThanOrEqual(2);
      });
      expect(to(mexico.email)).toHaveLength(before);
    } finally {
      smtp.refuse = false;
    }
    await eventually(() => expect(to(mexico.email)).toHaveLength(before + 1));
    expect(to(mexico.email).at(-1)!.subject).toContain(brazil.name);
  });
});

describe('email, without SMTP_URL', () => {
  const t = useCollabServer();
  const db = () => t.db;

  it('sends nothing, queues nothing, and everything else works', async () => {
    const { plan, peru, mexico, police } = await buildWorkingGroup(db());
    const before = smtp.received.length;
    const posted = await postComment(db(), {
      userId: peru.id,
      sectionId: police.id,
      body: '@Mexico, hello.',
      mentions: mentionOf(mexico),
    });
    const invited = await appointMember(db(), {
      actorId: plan.chair.id,
      planId: plan.id,
      input: { email: 'someone.else@example.org', role: 'observer' },
    });
    expect(invited.kind).toBe('invitation');
    expect((await listNotifications(db(), { userId: mexico.id })).notifications[0]).toMatchObject({
      href: expect.stringContaining(`#comment-${posted.id}`),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db().select().from(emailOutbox)).toEqual([]);
    expect(smtp.received.length).toBe(before);
  });
});
