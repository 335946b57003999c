import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { sections } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { notifyPlanChanged } from './plan-events';

/** Puts the plan's sections in the given order; the list must name every section exactly once. */
export async function reorderSections(
  db: Db,
  options: { actorId: string; planId: string; sectionIds: string[] },
): Promise<void> {
  const { actorId, planId, sectionIds } = options;
  await authorize(db, { userId: actorId, planId, action: { type: 'plan.manage' } });
  await db.transaction(async (tx) => {
    // The list is checked against the sections as they are under the lock, not as a request read them
    // before another created one.
    await lockUntilCommit(tx, lockKey.planSections(planId));
    const current = await tx
      .select({ id: sections.id })
      .from(sections)
      .where(eq(sections.planId, planId))
      .orderBy(asc(sections.position));
    const same =
      current.length === sectionIds.length &&
      new Set(sectionIds).size === sectionIds.length &&
      current.every((s) => sectionIds.includes(s.id));
    if (!same) throw appError('invalid', 'sectionOrder');
    for (const [position, id] of sectionIds.entries()) {
      await tx
        .update(sections)
        .set({ position })
        .where(and(eq(sections.id, id), eq(sections.planId, planId)));
    }
    await recordAudit(tx, {
      planId,
      actorId,
      action: 'section.reordered',
      target: `plan:${planId}`,
      before: current.map((s) => s.id),
      after: sectionIds,
    });
  });
  notifyPlanChanged(planId);
}
