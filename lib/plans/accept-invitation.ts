import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { invitations, planMembers, users } from '../../db/schema';
import { hashPassword } from '../auth/password';
import { recordAudit } from '../audit/record-audit';
import { appError } from '../i18n/error-text';
import { isUniqueViolation } from './db-errors';
import { openInvitation } from './open-invitation';
import { notifyPlanChanged } from './plan-events';

/** Creates the invited person's account, makes them a member, and uses up the link. */
export async function acceptInvitation(
  db: Db,
  options: { token: string; name: string; password: string },
): Promise<{ email: string; planId: string }> {
  const { invitation } = await openInvitation(db, options.token);
  const passwordHash = await hashPassword(options.password);
  try {
    await db.transaction(async (tx) => {
      await lockUntilCommit(tx, lockKey.planMembers(invitation.planId));
      // The link is used up first, and only if it is still unused: of two acceptances at once, the
      // second finds it used rather than an account it cannot create.
      const [claimed] = await tx
        .update(invitations)
        .set({ acceptedAt: new Date() })
        .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
        .returning({ id: invitations.id });
      if (!claimed) throw appError('conflict', 'invitationUsed');
      const [user] = await tx
        .insert(users)
        .values({ email: invitation.email, name: options.name, passwordHash })
        .returning({ id: users.id });
      if (!user) throw new Error('user insert returned nothing');
      await tx
        .insert(planMembers)
        .values({ planId: invitation.planId, userId: user.id, role: invitation.role, stateCode: invitation.stateCode });
      await recordAudit(tx, {
        planId: invitation.planId,
        actorId: user.id,
        action: 'member.joined',
        target: `member:${user.id}`,
        after: { email: invitation.email, role: invitation.role, stateCode: invitation.stateCode },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw appError('conflict', 'invitationConflict');
    }
    throw error;
  }
  notifyPlanChanged(invitation.planId);
  return { email: invitation.email, planId: invitation.planId };
}
