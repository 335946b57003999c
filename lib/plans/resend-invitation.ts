import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appError } from '../i18n/error-text';
import { sendInvitationEmail } from '../email/send-invitation-email';
import { authorize } from '../permissions/authorize-action';
import { hashToken, INVITATION_DAYS, type AppointResult } from './appoint-member';

/**
 * Gives a pending invitation a new one-time link, valid for another week. Only the new token's hash is
 * stored in place of the old one, so the link sent before stops working. The new link is emailed when
 * the server sends email.
 */
export async function resendInvitation(
  db: Db,
  options: { actorId: string; planId: string; invitationId: string },
): Promise<Extract<AppointResult, { kind: 'invitation' }>> {
  const { actorId, planId, invitationId } = options;
  await authorize(db, { userId: actorId, planId, action: { type: 'plan.manage' } });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const renewed = await db.transaction(async (tx) => {
    const [renewed] = await tx
      .update(invitations)
      .set({ tokenHash: hashToken(token), expiresAt })
      .where(and(eq(invitations.id, invitationId), eq(invitations.planId, planId), isNull(invitations.acceptedAt)))
      .returning({ email: invitations.email, role: invitations.role, stateCode: invitations.stateCode });
    if (!renewed) throw appError('not_found', 'noSuchInvitation');
    await recordAudit(tx, {
      planId,
      actorId,
      action: 'member.reinvited',
      target: `invitation:${renewed.email}`,
      after: { email: renewed.email, role: renewed.role, stateCode: renewed.stateCode, expiresAt },
    });
    return renewed;
  });
  const emailed = await sendInvitationEmail(db, {
    planId,
    invitedBy: actorId,
    ...renewed,
    token,
    days: INVITATION_DAYS,
  });
  return { kind: 'invitation', token, expiresAt, email: renewed.email, emailed };
}
