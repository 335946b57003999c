import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { plans, users } from '../../db/schema';
import { appError } from '../i18n/error-text';
import { canListAllPlans, type Phase } from '../permissions/can';

export type AdminPlanRow = { id: string; title: string; phase: Phase; archivedAt: string | null };

/** Every plan of the instance, archived ones included, for the administrator's clean-up. */
export async function listAllPlans(db: Db, options: { actorId: string }): Promise<AdminPlanRow[]> {
  const [actor] = await db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, options.actorId));
  if (!actor || !canListAllPlans({ userId: options.actorId, isAdmin: actor.isAdmin }))
    throw appError('forbidden', 'mayNot');
  const rows = await db
    .select({ id: plans.id, title: plans.title, phase: plans.phase, archivedAt: plans.archivedAt })
    .from(plans)
    .orderBy(asc(plans.createdAt));
  return rows.map((r) => ({ ...r, archivedAt: r.archivedAt?.toISOString() ?? null }));
}
