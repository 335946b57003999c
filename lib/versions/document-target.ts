import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sectionCoEditors, sections } from '../../db/schema';
import { appError } from '../i18n/error-text';
import type { SectionTarget } from '../permissions/can';
import { parseRoom } from '../shared/rooms';

export type DocumentTarget = {
  docId: string;
  planId: string;
  section: (SectionTarget & { id: string; title: string }) | null;
};

/** What a document belongs to: a section (with its states) or a plan's goal. */
export async function documentTarget(db: Db, docId: string): Promise<DocumentTarget> {
  const room = parseRoom(docId);
  if (!room) throw appError('not_found', 'documentNotFound');
  if (room.kind === 'goal') return { docId, planId: room.planId, section: null };
  const [section] = await db.select().from(sections).where(eq(sections.id, room.sectionId));
  if (!section) throw appError('not_found', 'sectionNotFound');
  const coEditing = await db.select().from(sectionCoEditors).where(eq(sectionCoEditors.sectionId, section.id));
  return {
    docId,
    planId: section.planId,
    section: {
      id: section.id,
      title: section.title,
      leadState: section.leadState,
      frozen: section.frozen,
      coEditingStates: coEditing.map((c) => c.stateCode),
    },
  };
}
