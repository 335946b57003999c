import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations, memberStates, planMembers, users } from '../../db/schema';
import type { Role } from '../permissions/can';
import { authorize } from '../permissions/authorize-action';

export type MemberView = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  state: { code: string; name: string } | null;
};
export type PendingInvitation = { id: string; email: string; role: Role; state: string | null; expiresAt: string };

/** Members and open invitations of a plan, for the chair's appointments panel. */
export async function listMembers(
  db: Db,
  options: { userId: string; planId: string },
): Promise<{ members: MemberView[]; invitations: PendingInvitation[] }> {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'plan.manage' } });
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: planMembers.role,
      code: memberStates.code,
      stateName: memberStates.nameEn,
    })
    .from(planMembers)
    .innerJoin(users, eq(users.id, planMembers.userId))
    .leftJoin(memberStates, eq(memberStates.code, planMembers.stateCode))
    .where(eq(planMembers.planId, options.planId))
    .orderBy(asc(planMembers.role), asc(memberStates.nameEn), asc(users.name));
  const pending = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      state: memberStates.nameEn,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(memberStates, eq(memberStates.code, invitations.stateCode))
    .where(
      and(
        eq(invitations.planId, options.planId),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(asc(invitations.createdAt));
  return {
    members: rows.map((r) => ({
      userId: r.userId,
      name: r.name,
      email: r.email,
      role: r.role,
      state: r.code ? { code: r.code, name: r.stateName ?? r.code } : null,
    })),
    invitations: pending.map((p) => ({ ...p, expiresAt: p.expiresAt.toISOString() })),
  };
}
