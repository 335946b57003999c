import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { plans } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { authorize } from '../permissions/authorize-action';
import { notifyPlanChanged } from './plan-events';

/**
 * The chair opens (or closes) the observers' channel of every section of the plan: while it is open,
 * observers may write there, and never in the delegations' threads. What they wrote stays readable
 * when it closes. The audit log records each change.
 */
export async function openObserverComments(
  db: Db,
  options: { actorId: string; planId: string; open: boolean },
): Promise<void> {
  const { actorId, planId, open } = options;
  await authorize(db, { userId: actorId, planId, action: { type: 'plan.manage' } });
  const changed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(plans)
      .set({ observerComments: open })
      .where(and(eq(plans.id, planId), ne(plans.observerComments, open)))
      .returning({ id: plans.id });
    if (!row) return false;
    await recordAudit(tx, {
      planId,
      actorId,
      action: open ? 'plan.observer_comments_opened' : 'plan.observer_comments_closed',
      target: `plan:${planId}`,
      before: { observerComments: !open },
      after: { observerComments: open },
    });
    return true;
  });
  if (changed) notifyPlanChanged(planId);
}
