import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberStates, sections } from '../../db/schema';
import { documentHost } from '../documents/host';
import { documentText } from '../documents/paragraphs';
import { findOverlaps, type OverlapKind } from '../overlap';
import { authorize } from '../plans/authorize';
import { sectionRoom } from '../shared/rooms';

export type Passage = { sectionId: string; sectionTitle: string; leadState: { code: string; name: string }; paragraph: number; text: string };
export type PlanOverlap = { score: number; kind: OverlapKind; a: Passage; b: Passage };

/**
 * Passages in different sections of a plan that propose the same thing, found in the live text now
 * (ordered by score). Anyone in the plan may look; resolving them is the chair's.
 */
export async function findPlanOverlaps(db: Db, options: { userId: string; planId: string; threshold?: number }): Promise<PlanOverlap[]> {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'plan.read' } });
  const rows = await db
    .select({ id: sections.id, title: sections.title, code: memberStates.code, name: memberStates.nameEn })
    .from(sections)
    .innerJoin(memberStates, eq(memberStates.code, sections.leadState))
    .where(eq(sections.planId, options.planId))
    .orderBy(asc(sections.position));
  const host = documentHost();
  const texts = new Map<string, string[]>();
  for (const row of rows) {
    texts.set(row.id, (await host.read(sectionRoom(row.id), (doc) => documentText(doc))).split('\n').filter((p) => p.trim()));
  }
  const overlaps = findOverlaps(
    { sections: rows.map((r) => ({ id: r.id, paragraphs: texts.get(r.id) ?? [] })) },
    options.threshold === undefined ? {} : { threshold: options.threshold },
  );
  const passage = (ref: { section: string; paragraph: number }): Passage => {
    const row = rows.find((r) => r.id === ref.section)!;
    return {
      sectionId: row.id,
      sectionTitle: row.title,
      leadState: { code: row.code, name: row.name },
      paragraph: ref.paragraph,
      text: texts.get(row.id)?.[ref.paragraph] ?? '',
    };
  };
  return overlaps.map((o) => ({ score: o.score, kind: o.kind, a: passage(o.a), b: passage(o.b) }));
}
