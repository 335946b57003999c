import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planMembers, plans, users } from '../../db/schema';
import type { AccessContext } from '../permissions';

/** The facts `can` needs about one user and one plan; null when either does not exist. */
export async function loadAccessContext(db: Db, userId: string, planId: string): Promise<AccessContext | null> {
  const [row] = await db
    .select({ isAdmin: users.isAdmin, phase: plans.phase, role: planMembers.role, stateCode: planMembers.stateCode })
    .from(users)
    .innerJoin(plans, eq(plans.id, planId))
    .leftJoin(planMembers, and(eq(planMembers.planId, plans.id), eq(planMembers.userId, users.id)))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  return {
    actor: { userId, isAdmin: row.isAdmin },
    membership: row.role ? { role: row.role, stateCode: row.stateCode } : null,
    plan: { phase: row.phase },
  };
}
