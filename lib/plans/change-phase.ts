import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { plans } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appError } from '../i18n/error-text';
import { notifyPhaseChanged } from '../notifications/notify-events';
import type { Phase } from '../permissions/can';
import { authorize } from '../permissions/authorize-action';
import { notifyPlanChanged } from './plan-events';

export const PHASES: readonly Phase[] = ['goal', 'drafting', 'consolidation', 'adopted'];

/** Moves the plan one phase forward (goal → drafting publishes the goal) or one phase back. */
export async function changePhase(db: Db, options: { actorId: string; planId: string; phase: Phase }): Promise<void> {
  const { actorId, planId, phase } = options;
  const ctx = await authorize(db, { userId: actorId, planId, action: { type: 'plan.changePhase' } });
  const from = ctx.plan.phase;
  const step = PHASES.indexOf(phase) - PHASES.indexOf(from);
  if (step === 0) return;
  if (Math.abs(step) !== 1) throw appError('invalid', 'phaseOneStep', { from });
  const moved = await db.transaction(async (tx) => {
    // Only from the phase the step was judged from: of two moves sent together, the second waits for
    // the first and then finds the plan elsewhere, instead of taking it two phases at once.
    const [row] = await tx
      .update(plans)
      .set({ phase })
      .where(and(eq(plans.id, planId), eq(plans.phase, from)))
      .returning({ id: plans.id });
    if (!row) {
      const [now] = await tx.select({ phase: plans.phase }).from(plans).where(eq(plans.id, planId));
      if (!now) throw appError('not_found', 'planNotFound');
      if (now.phase === phase) return false;
      throw appError('conflict', 'phaseMovedMeanwhile', { phase: now.phase });
    }
    await recordAudit(tx, {
      planId,
      actorId,
      action: 'plan.phase_changed',
      target: `plan:${planId}`,
      before: { phase: from },
      after: { phase },
    });
    return true;
  });
  if (!moved) return;
  notifyPlanChanged(planId);
  await notifyPhaseChanged(db, { planId, actorId, phase });
}
