import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvitation(
  db: Db,
  options: { actorId: string; planId: string; invitationId: string },
): Promise<void> {
  const { actorId, planId, invitationId } = options;
  await authorize(db, { userId: actorId, planId, action: { type: 'plan.manage' } });
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .delete(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.planId, planId), isNull(invitations.acceptedAt)))
      .returning();
    if (!revoked) throw appError('not_found', 'noSuchInvitation');
    await recordAudit(tx, {
      planId,
      actorId,
      action: 'member.invitation_revoked',
      target: `invitation:${revoked.email}`,
      before: { email: revoked.email, role: revoked.role, stateCode: revoked.stateCode },
    });
  });
}
