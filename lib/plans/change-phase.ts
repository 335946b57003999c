import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { plans } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import type { Phase } from '../permissions';
import { authorize } from './authorize';
import { notifyPlanChanged } from './plan-events';

export const PHASES: readonly Phase[] = ['goal', 'drafting', 'consolidation', 'adopted'];

/** Moves the plan one phase forward (goal → drafting publishes the goal) or one phase back. */
export async function changePhase(db: Db, options: { actorId: string; planId: string; phase: Phase }): Promise<void> {
  const { actorId, planId, phase } = options;
  const ctx = await authorize(db, { userId: actorId, planId, action: { type: 'plan.manage' } });
  const from = ctx.plan.phase;
  const step = PHASES.indexOf(phase) - PHASES.indexOf(from);
  if (step === 0) return;
  if (Math.abs(step) !== 1) throw new AppError('invalid', `phase: a plan moves one phase at a time (from ${from})`);
  await db.transaction(async (tx) => {
    await tx.update(plans).set({ phase }).where(eq(plans.id, planId));
    await recordAudit(tx, { planId, actorId, action: 'plan.phase_changed', target: `plan:${planId}`, before: { phase: from }, after: { phase } });
  });
  notifyPlanChanged(planId);
}
