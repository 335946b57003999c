import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberStates, sections } from '../../db/schema';
import { documentHost } from '../documents/live-documents';
import { textBlocks } from '../documents/paragraphs';
import { sectionRoom } from '../shared/rooms';
import { anchorOf, findAnchored } from './anchors';

export type PlanSection = { id: string; title: string; number: number; state: { code: string; name: string } };

/** The plan's sections in order, numbered from 1 as the compiled plan numbers them. */
export async function planSections(db: Db, planId: string): Promise<PlanSection[]> {
  const rows = await db
    .select({ id: sections.id, title: sections.title, code: memberStates.code, name: memberStates.nameEn })
    .from(sections)
    .innerJoin(memberStates, eq(memberStates.code, sections.leadState))
    .where(eq(sections.planId, planId))
    .orderBy(asc(sections.position));
  return rows.map((row, i) => ({
    id: row.id,
    title: row.title,
    number: i + 1,
    state: { code: row.code, name: row.name },
  }));
}

/** A section's paragraphs now, an anchor for each, and where some stored anchors point (-1: gone). */
export type SectionText = { paragraphs: string[]; anchors: Uint8Array[]; located: Map<Uint8Array, number> };

export function readSectionText(sectionId: string, locate: readonly Uint8Array[]): Promise<SectionText> {
  return documentHost().read(sectionRoom(sectionId), (doc) => {
    const blocks = textBlocks(doc);
    return {
      paragraphs: blocks.map((b) => b.text),
      anchors: blocks.map((b) => anchorOf(b.element)),
      located: new Map(locate.map((anchor) => [anchor, findAnchored(doc, blocks, anchor)])),
    };
  });
}
