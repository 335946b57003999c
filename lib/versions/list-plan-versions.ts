import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planVersions, users } from '../../db/schema';
import { authorize } from '../permissions/authorize-action';

/** The plan's named versions, newest first, for anyone who may read the plan. */
export async function listPlanVersions(db: Db, options: { userId: string; planId: string }) {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'plan.read' } });
  const rows = await db
    .select({ id: planVersions.id, name: planVersions.name, createdAt: planVersions.createdAt, createdBy: users.name })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.createdBy))
    .where(eq(planVersions.planId, options.planId))
    .orderBy(desc(planVersions.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
