import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { memberStates, sectionCoEditors, sections } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import type { CreateSectionInput, UpdateSectionInput } from '../shared/schemas';
import { authorize } from '../permissions/authorize-action';
import { notifyPlanChanged } from './plan-events';

async function assertStates(db: Db, codes: readonly string[]): Promise<void> {
  const unique = [...new Set(codes)];
  if (!unique.length) return;
  const found = await db.select({ code: memberStates.code }).from(memberStates).where(inArray(memberStates.code, unique));
  const missing = unique.filter((c) => !found.some((f) => f.code === c));
  if (missing.length) throw new AppError('invalid', `states: not member states: ${missing.join(', ')}`);
}

/** A section with its co-editing states; `lock`: locked until the calling transaction ends. */
async function loadSection(db: Db, sectionId: string, lock = false) {
  const query = db.select().from(sections).where(eq(sections.id, sectionId));
  const [section] = await (lock ? query.for('update') : query);
  if (!section) throw new AppError('not_found', 'No such section');
  const coEditing = await db.select({ code: sectionCoEditors.stateCode }).from(sectionCoEditors).where(eq(sectionCoEditors.sectionId, sectionId));
  return { ...section, coEditingStates: coEditing.map((c) => c.code).sort() };
}

const snapshot = (s: { title: string; leadState: string; coEditingStates: string[]; frozen: boolean; position: number }) => ({
  title: s.title,
  leadState: s.leadState,
  coEditingStates: s.coEditingStates,
  frozen: s.frozen,
  position: s.position,
});

/** Adds a section at the end of the plan, attributed to its lead state. */
export async function createSection(db: Db, options: { actorId: string; planId: string; input: CreateSectionInput }): Promise<{ id: string }> {
  const { actorId, planId, input } = options;
  await authorize(db, { userId: actorId, planId, action: { type: 'plan.manage' } });
  const coEditing = [...new Set(input.coEditingStates)].filter((c) => c !== input.leadState);
  await assertStates(db, [input.leadState, ...coEditing]);
  const id = await db.transaction(async (tx) => {
    // Sections created together (two instances, a double click) would each take the same next place.
    await lockUntilCommit(tx, lockKey.planSections(planId));
    const [last] = await tx.select({ position: max(sections.position) }).from(sections).where(eq(sections.planId, planId));
    const position = (last?.position ?? -1) + 1;
    const [row] = await tx.insert(sections).values({ planId, title: input.title, leadState: input.leadState, position }).returning({ id: sections.id });
    if (!row) throw new Error('section insert returned nothing');
    if (coEditing.length) await tx.insert(sectionCoEditors).values(coEditing.map((stateCode) => ({ sectionId: row.id, stateCode })));
    await recordAudit(tx, { planId, actorId, action: 'section.created', target: `section:${row.id}`, after: { title: input.title, leadState: input.leadState, coEditingStates: coEditing, position } });
    return row.id;
  });
  notifyPlanChanged(planId);
  return { id };
}

/** Renames a section, changes its states, or freezes it; audited with before and after. */
export async function updateSection(db: Db, options: { actorId: string; sectionId: string; input: UpdateSectionInput }): Promise<void> {
  const { actorId, sectionId, input } = options;
  const { planId } = await loadSection(db, sectionId);
  await authorize(db, { userId: actorId, planId, action: { type: 'plan.manage' } });
  await assertStates(db, [...(input.leadState ? [input.leadState] : []), ...(input.coEditingStates ?? [])]);
  await db.transaction(async (tx) => {
    // What the request leaves alone is taken from the section as it is now, locked: two changes sent
    // together (a rename and a freeze) both stand, instead of the second writing back what it read.
    const before = await loadSection(tx, sectionId, true);
    const leadState = input.leadState ?? before.leadState;
    const coEditing = input.coEditingStates ? [...new Set(input.coEditingStates)].filter((c) => c !== leadState).sort() : before.coEditingStates.filter((c) => c !== leadState);
    const after = { ...before, title: input.title ?? before.title, leadState, frozen: input.frozen ?? before.frozen, coEditingStates: coEditing };
    await tx.update(sections).set({ title: after.title, leadState, frozen: after.frozen }).where(eq(sections.id, sectionId));
    await tx.delete(sectionCoEditors).where(eq(sectionCoEditors.sectionId, sectionId));
    if (coEditing.length) await tx.insert(sectionCoEditors).values(coEditing.map((stateCode) => ({ sectionId, stateCode })));
    const action = input.frozen !== undefined && input.frozen !== before.frozen ? (input.frozen ? 'section.frozen' : 'section.unfrozen') : 'section.updated';
    await recordAudit(tx, { planId, actorId, action, target: `section:${sectionId}`, before: snapshot(before), after: snapshot(after) });
  });
  notifyPlanChanged(planId);
}

/** Removes a section from the plan. Its stored text stays in the update log: nothing typed is erased. */
export async function deleteSection(db: Db, options: { actorId: string; sectionId: string }): Promise<void> {
  const { planId } = await loadSection(db, options.sectionId);
  await authorize(db, { userId: options.actorId, planId, action: { type: 'plan.manage' } });
  await db.transaction(async (tx) => {
    // Deleted once, as it was last: a second deletion sent at the same moment finds it gone.
    const before = await loadSection(tx, options.sectionId, true);
    await tx.delete(sections).where(eq(sections.id, options.sectionId));
    await recordAudit(tx, { planId, actorId: options.actorId, action: 'section.deleted', target: `section:${options.sectionId}`, before: snapshot(before) });
  });
  notifyPlanChanged(planId);
}

/** Puts the plan's sections in the given order; the list must name every section exactly once. */
export async function reorderSections(db: Db, options: { actorId: string; planId: string; sectionIds: string[] }): Promise<void> {
  const { actorId, planId, sectionIds } = options;
  await authorize(db, { userId: actorId, planId, action: { type: 'plan.manage' } });
  await db.transaction(async (tx) => {
    // The list is checked against the sections as they are under the lock, not as a request read them
    // before another created one.
    await lockUntilCommit(tx, lockKey.planSections(planId));
    const current = await tx.select({ id: sections.id }).from(sections).where(eq(sections.planId, planId)).orderBy(asc(sections.position));
    const same = current.length === sectionIds.length && new Set(sectionIds).size === sectionIds.length && current.every((s) => sectionIds.includes(s.id));
    if (!same) throw new AppError('invalid', 'sectionIds: must list every section of the plan exactly once');
    for (const [position, id] of sectionIds.entries()) {
      await tx.update(sections).set({ position }).where(and(eq(sections.id, id), eq(sections.planId, planId)));
    }
    await recordAudit(tx, { planId, actorId, action: 'section.reordered', target: `plan:${planId}`, before: current.map((s) => s.id), after: sectionIds });
  });
  notifyPlanChanged(planId);
}
