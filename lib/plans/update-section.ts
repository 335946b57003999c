import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sectionCoEditors, sections } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { authorize } from '../permissions/authorize-action';
import type { UpdateSectionInput } from '../shared/schemas';
import { notifyPlanChanged } from './plan-events';
import { assertMemberStates, loadSection, sectionSnapshot } from './section-rows';

/** Renames a section, changes its states, or freezes it; audited with before and after. */
export async function updateSection(
  db: Db,
  options: { actorId: string; sectionId: string; input: UpdateSectionInput },
): Promise<void> {
  const { actorId, sectionId, input } = options;
  const { planId } = await loadSection(db, sectionId);
  await authorize(db, { userId: actorId, planId, action: { type: 'plan.manage' } });
  await assertMemberStates(db, [...(input.leadState ? [input.leadState] : []), ...(input.coEditingStates ?? [])]);
  await db.transaction(async (tx) => {
    // What the request leaves alone is taken from the section as it is now, locked: two changes sent
    // together (a rename and a freeze) both stand, instead of the second writing back what it read.
    const before = await loadSection(tx, sectionId, true);
    const leadState = input.leadState ?? before.leadState;
    const coEditing = input.coEditingStates
      ? [...new Set(input.coEditingStates)].filter((c) => c !== leadState).sort()
      : before.coEditingStates.filter((c) => c !== leadState);
    const after = {
      ...before,
      title: input.title ?? before.title,
      leadState,
      frozen: input.frozen ?? before.frozen,
      coEditingStates: coEditing,
    };
    await tx
      .update(sections)
      .set({ title: after.title, leadState, frozen: after.frozen })
      .where(eq(sections.id, sectionId));
    await tx.delete(sectionCoEditors).where(eq(sectionCoEditors.sectionId, sectionId));
    if (coEditing.length)
      await tx.insert(sectionCoEditors).values(coEditing.map((stateCode) => ({ sectionId, stateCode })));
    const action =
      input.frozen !== undefined && input.frozen !== before.frozen
        ? input.frozen
          ? 'section.frozen'
          : 'section.unfrozen'
        : 'section.updated';
    await recordAudit(tx, {
      planId,
      actorId,
      action,
      target: `section:${sectionId}`,
      before: sectionSnapshot(before),
      after: sectionSnapshot(after),
    });
  });
  notifyPlanChanged(planId);
}
