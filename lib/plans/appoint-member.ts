import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { invitations, memberStates, planMembers, users } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { sendInvitationEmail } from '../email/send-invitation-email';
import { appError } from '../i18n/error-text';
import type { AppointInput } from '../shared/schemas';
import { notifyAppointed } from '../notifications/notify-events';
import { authorize } from '../permissions/authorize-action';
import { isUniqueViolation } from './db-errors';
import { notifyPlanChanged } from './plan-events';

export const INVITATION_DAYS = 7;

export type AppointResult =
  | { kind: 'member'; userId: string }
  /** `emailed`: the link was also queued as an email to the address (the server sends email). */
  | { kind: 'invitation'; token: string; expiresAt: Date; email: string; emailed: boolean };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Appoints someone by email: an existing account joins the plan at once; anyone else gets a
 * one-time invitation link, valid for a week. Chairs are appointed by an administrator.
 */
export async function appointMember(
  db: Db,
  options: { actorId: string; planId: string; input: AppointInput },
): Promise<AppointResult> {
  const { actorId, planId, input } = options;
  const action = input.role === 'chair' ? ({ type: 'plan.appointChair' } as const) : ({ type: 'plan.manage' } as const);
  await authorize(db, { userId: actorId, planId, action });
  const stateCode = input.stateCode ?? null;
  const state = stateCode ? await memberState(db, stateCode) : null;

  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (user) {
    let changed: boolean;
    try {
      changed = await db.transaction(async (tx) => {
        // Checked and written under the plan's membership lock: appointments arriving together (a
        // double click, two instances) see each other's, and one coordinator per state stays one.
        await lockUntilCommit(tx, lockKey.planMembers(planId));
        if (state)
          await assertNoOtherCoordinator(tx, {
            planId,
            stateCode: state.code,
            stateName: state.nameEn,
            email: input.email,
          });
        const [existing] = await tx
          .select()
          .from(planMembers)
          .where(and(eq(planMembers.planId, planId), eq(planMembers.userId, user.id)));
        if (existing && existing.role === input.role && existing.stateCode === stateCode) return false;
        if (existing) {
          await tx
            .update(planMembers)
            .set({ role: input.role, stateCode })
            .where(and(eq(planMembers.planId, planId), eq(planMembers.userId, user.id)));
        } else {
          await tx.insert(planMembers).values({ planId, userId: user.id, role: input.role, stateCode });
        }
        await recordAudit(tx, {
          planId,
          actorId,
          action: existing ? 'member.role_changed' : 'member.appointed',
          target: `member:${user.id}`,
          before: existing ? { role: existing.role, stateCode: existing.stateCode } : null,
          after: { email: input.email, role: input.role, stateCode },
        });
        return true;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw appError('conflict', 'stateHasCoordinator');
      throw error;
    }
    if (changed) {
      notifyPlanChanged(planId);
      await notifyAppointed(db, { planId, actorId, userId: user.id, role: input.role, stateCode });
    }
    return { kind: 'member', userId: user.id };
  }

  if (state)
    await assertNoOtherCoordinator(db, { planId, stateCode: state.code, stateName: state.nameEn, email: input.email });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  await db.transaction(async (tx) => {
    await tx.insert(invitations).values({
      planId,
      email: input.email,
      role: input.role,
      stateCode,
      tokenHash: hashToken(token),
      invitedBy: actorId,
      expiresAt,
    });
    await recordAudit(tx, {
      planId,
      actorId,
      action: 'member.invited',
      target: `invitation:${input.email}`,
      after: { email: input.email, role: input.role, stateCode, expiresAt },
    });
  });
  const emailed = await sendInvitationEmail(db, {
    planId,
    invitedBy: actorId,
    email: input.email,
    role: input.role,
    stateCode,
    token,
    days: INVITATION_DAYS,
  });
  return { kind: 'invitation', token, expiresAt, email: input.email, emailed };
}

async function memberState(db: Db, code: string) {
  const [state] = await db.select().from(memberStates).where(eq(memberStates.code, code));
  if (!state) throw appError('invalid', 'notMemberState', { code });
  return state;
}

async function assertNoOtherCoordinator(
  db: Db,
  { planId, stateCode, stateName, email }: { planId: string; stateCode: string; stateName: string; email: string },
): Promise<void> {
  const [taken] = await db
    .select({ email: users.email })
    .from(planMembers)
    .innerJoin(users, eq(users.id, planMembers.userId))
    .where(
      and(eq(planMembers.planId, planId), eq(planMembers.stateCode, stateCode), eq(planMembers.role, 'coordinator')),
    );
  if (taken && taken.email !== email)
    throw appError('conflict', 'stateHasCoordinatorNamed', { state: stateName, email: taken.email });
}
