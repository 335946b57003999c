import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planMembers, plans, users } from '../../db/schema';
import type { Phase, Role } from '../permissions/can';

export type PlanSummary = { id: string; title: string; phase: Phase; role: Role | 'admin' };

/** The plans a user belongs to; an administrator sees every plan. Archived plans are left out (see listAllPlans). */
export async function listPlans(db: Db, userId: string): Promise<PlanSummary[]> {
  const [user] = await db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return [];
  const memberships = await db
    .select({ id: plans.id, title: plans.title, phase: plans.phase, role: planMembers.role })
    .from(planMembers)
    .innerJoin(plans, eq(plans.id, planMembers.planId))
    .where(and(eq(planMembers.userId, userId), isNull(plans.archivedAt)))
    .orderBy(asc(plans.createdAt));
  if (!user.isAdmin) return memberships;
  const all = await db
    .select({ id: plans.id, title: plans.title, phase: plans.phase })
    .from(plans)
    .where(isNull(plans.archivedAt))
    .orderBy(asc(plans.createdAt));
  const roles = new Map(memberships.map((m) => [m.id, m.role]));
  return all.map((p) => ({ ...p, role: roles.get(p.id) ?? 'admin' }));
}
