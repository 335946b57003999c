import type { Db } from '../../db/client';
import { planSections } from '../consolidation/plan-sections';
import { documentHost } from '../documents/live-documents';
import { numberedParagraphs } from '../documents/paragraphs';
import { readPlanMetadata } from '../metadata/get-plan-metadata';
import { sectionNumberings, type SectionNumbering } from '../shared/paragraph-numbers';
import { sectionRoom } from '../shared/rooms';

/**
 * Every section's numbering as the plan's setting makes it now, by section id. Numbered by section, no text
 * is read; numbered continuously, each section's numbered paragraphs are counted in its live document.
 */
export async function planNumbering(db: Db, planId: string): Promise<Map<string, SectionNumbering>> {
  const [{ numbering }, sections] = await Promise.all([readPlanMetadata(db, planId), planSections(db, planId)]);
  const counts =
    numbering === 'continuous'
      ? await Promise.all(
          sections.map((s) => documentHost().read(sectionRoom(s.id), (doc) => numberedParagraphs(doc).length)),
        )
      : sections.map(() => 0);
  const numberings = sectionNumberings(numbering, counts);
  return new Map(sections.map((s, i) => [s.id, numberings[i]!]));
}

/** One section's numbering (section 0 for a section not in the plan). */
export async function sectionNumbering(db: Db, planId: string, sectionId: string): Promise<SectionNumbering> {
  return (await planNumbering(db, planId)).get(sectionId) ?? { section: 0, continuousFrom: null };
}
