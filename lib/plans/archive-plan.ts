import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { plans } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { authorize } from '../permissions/authorize-action';
import { notifyPlanChanged } from './plan-events';

/**
 * Archives a plan (hidden from the lists, read-only for everyone) or restores it. Open sockets are
 * re-decided at once, so an editor typing in the plan becomes a reader.
 */
export async function archivePlan(
  db: Db,
  options: { actorId: string; planId: string; archived: boolean },
): Promise<{ archived: boolean }> {
  const { actorId, planId, archived } = options;
  const ctx = await authorize(db, { userId: actorId, planId, action: { type: 'plan.archive' } });
  if (ctx.plan.archived === archived) return { archived };
  await db.transaction(async (tx) => {
    await tx
      .update(plans)
      .set({ archivedAt: archived ? new Date() : null })
      .where(eq(plans.id, planId));
    await recordAudit(tx, {
      planId,
      actorId,
      action: archived ? 'plan.archived' : 'plan.restored',
      target: `plan:${planId}`,
    });
  });
  notifyPlanChanged(planId);
  return { archived };
}
