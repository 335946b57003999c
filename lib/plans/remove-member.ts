import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planMembers } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize } from './authorize';
import { notifyPlanChanged } from './plan-events';

/** Removes a coordinator or observer from a plan; their open connections close within moments. */
export async function removeMember(db: Db, options: { actorId: string; planId: string; userId: string }): Promise<void> {
  const { actorId, planId, userId } = options;
  await authorize(db, { userId: actorId, planId, action: { type: 'plan.manage' } });
  const where = and(eq(planMembers.planId, planId), eq(planMembers.userId, userId));
  const [member] = await db.select().from(planMembers).where(where);
  if (!member) throw new AppError('not_found', 'No such member in this plan');
  if (member.role === 'chair') throw new AppError('forbidden', 'A chair is replaced by an administrator, not removed');
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx.delete(planMembers).where(where).returning();
    // Removed by a request that came at the same moment (a double click, another instance): done, once.
    if (!row) return false;
    await recordAudit(tx, { planId, actorId, action: 'member.removed', target: `member:${userId}`, before: { role: row.role, stateCode: row.stateCode } });
    return true;
  });
  if (removed) notifyPlanChanged(planId);
}
