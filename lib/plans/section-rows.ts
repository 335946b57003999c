import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberStates, sectionCoEditors, sections } from '../../db/schema';
import { appError } from '../i18n/error-text';

/** Refuses state codes that are not member states, naming them. */
export async function assertMemberStates(db: Db, codes: readonly string[]): Promise<void> {
  const unique = [...new Set(codes)];
  if (!unique.length) return;
  const found = await db
    .select({ code: memberStates.code })
    .from(memberStates)
    .where(inArray(memberStates.code, unique));
  const missing = unique.filter((c) => !found.some((f) => f.code === c));
  if (missing.length) throw appError('invalid', 'notMemberStates', { codes: missing.join(', ') });
}

/** A section with its co-editing states; `lock`: locked until the calling transaction ends. */
export async function loadSection(db: Db, sectionId: string, lock = false) {
  const query = db.select().from(sections).where(eq(sections.id, sectionId));
  const [section] = await (lock ? query.for('update') : query);
  if (!section) throw appError('not_found', 'noSuchSection');
  const coEditing = await db
    .select({ code: sectionCoEditors.stateCode })
    .from(sectionCoEditors)
    .where(eq(sectionCoEditors.sectionId, sectionId));
  return { ...section, coEditingStates: coEditing.map((c) => c.code).sort() };
}

/** The fields of a section the audit log records before and after a change. */
export const sectionSnapshot = (s: {
  title: string;
  leadState: string;
  coEditingStates: string[];
  frozen: boolean;
  position: number;
}) => ({
  title: s.title,
  leadState: s.leadState,
  coEditingStates: s.coEditingStates,
  frozen: s.frozen,
  position: s.position,
});
