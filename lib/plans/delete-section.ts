import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sections } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { authorize } from '../permissions/authorize-action';
import { notifyPlanChanged } from './plan-events';
import { loadSection, sectionSnapshot } from './section-rows';

/** Removes a section from the plan. Its stored text stays in the update log: nothing typed is erased. */
export async function deleteSection(db: Db, options: { actorId: string; sectionId: string }): Promise<void> {
  const { planId } = await loadSection(db, options.sectionId);
  await authorize(db, { userId: options.actorId, planId, action: { type: 'plan.manage' } });
  await db.transaction(async (tx) => {
    // Deleted once, as it was last: a second deletion sent at the same moment finds it gone.
    const before = await loadSection(tx, options.sectionId, true);
    await tx.delete(sections).where(eq(sections.id, options.sectionId));
    await recordAudit(tx, {
      planId,
      actorId: options.actorId,
      action: 'section.deleted',
      target: `section:${options.sectionId}`,
      before: sectionSnapshot(before),
    });
  });
  notifyPlanChanged(planId);
}
