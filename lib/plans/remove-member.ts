import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { planMembers } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { notifyPlanChanged } from './plan-events';

/** Removes a coordinator or observer from a plan; their open connections close within moments. */
export async function removeMember(
  db: Db,
  options: { actorId: string; planId: string; userId: string },
): Promise<void> {
  const { actorId, planId, userId } = options;
  await authorize(db, { userId: actorId, planId, action: { type: 'plan.manage' } });
  const where = and(eq(planMembers.planId, planId), eq(planMembers.userId, userId));
  const [member] = await db.select().from(planMembers).where(where);
  if (!member) throw appError('not_found', 'memberNotInPlan');
  const removed = await db.transaction(async (tx) => {
    // In turn with appointments and other removals: the membership is judged as it is now.
    await lockUntilCommit(tx, lockKey.planMembers(planId));
    const [current] = await tx.select().from(planMembers).where(where);
    // Removed by a request that came at the same moment (a double click, another instance): done, once.
    if (!current) return false;
    if (current.role === 'chair') throw appError('forbidden', 'chairNotRemoved');
    await tx.delete(planMembers).where(where);
    await recordAudit(tx, {
      planId,
      actorId,
      action: 'member.removed',
      target: `member:${userId}`,
      before: { role: current.role, stateCode: current.stateCode },
    });
    return true;
  });
  if (removed) notifyPlanChanged(planId);
}
