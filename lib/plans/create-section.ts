import { eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { sectionCoEditors, sections } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { authorize } from '../permissions/authorize-action';
import type { CreateSectionInput } from '../shared/schemas';
import { notifyPlanChanged } from './plan-events';
import { assertMemberStates } from './section-rows';

/** Adds a section at the end of the plan, attributed to its lead state. */
export async function createSection(
  db: Db,
  options: { actorId: string; planId: string; input: CreateSectionInput },
): Promise<{ id: string }> {
  const { actorId, planId, input } = options;
  await authorize(db, { userId: actorId, planId, action: { type: 'plan.manage' } });
  const coEditing = [...new Set(input.coEditingStates)].filter((c) => c !== input.leadState);
  await assertMemberStates(db, [input.leadState, ...coEditing]);
  const id = await db.transaction(async (tx) => {
    // Sections created together (two instances, a double click) would each take the same next place.
    await lockUntilCommit(tx, lockKey.planSections(planId));
    const [last] = await tx
      .select({ position: max(sections.position) })
      .from(sections)
      .where(eq(sections.planId, planId));
    const position = (last?.position ?? -1) + 1;
    const [row] = await tx
      .insert(sections)
      .values({ planId, title: input.title, leadState: input.leadState, position })
      .returning({ id: sections.id });
    if (!row) throw new Error('section insert returned nothing');
    if (coEditing.length)
      await tx.insert(sectionCoEditors).values(coEditing.map((stateCode) => ({ sectionId: row.id, stateCode })));
    await recordAudit(tx, {
      planId,
      actorId,
      action: 'section.created',
      target: `section:${row.id}`,
      after: { title: input.title, leadState: input.leadState, coEditingStates: coEditing, position },
    });
    return row.id;
  });
  notifyPlanChanged(planId);
  return { id };
}
