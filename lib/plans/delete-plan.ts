import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { plans } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { notifyPlanChanged } from './plan-events';

/**
 * Deletes a plan with its members, sections, versions and discussions. `confirmTitle` must repeat the
 * plan's title, so a request sent for the wrong plan deletes nothing. The audit entry names the plan
 * without belonging to it, so it outlives the plan's own log.
 */
export async function deletePlan(
  db: Db,
  options: { actorId: string; planId: string; confirmTitle: string },
): Promise<void> {
  const { actorId, planId } = options;
  await authorize(db, { userId: actorId, planId, action: { type: 'plan.delete' } });
  await db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, planId)).for('update');
    if (!plan) throw appError('not_found', 'noSuchPlan');
    if (plan.title !== options.confirmTitle.trim()) throw appError('invalid', 'planTitleMismatch');
    await tx.delete(plans).where(eq(plans.id, planId));
    await recordAudit(tx, {
      planId: null,
      actorId,
      action: 'plan.deleted',
      target: `plan:${planId}`,
      before: { title: plan.title, phase: plan.phase, createdAt: plan.createdAt },
    });
  });
  // Open sockets find the plan gone and close.
  notifyPlanChanged(planId);
}
