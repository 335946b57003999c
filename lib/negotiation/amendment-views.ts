import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { amendments, amendmentStances } from '../../db/schema';
import { documentHost } from '../documents/live-documents';
import type { AmendmentView } from '../shared/amendments';
import { base64FromBytes } from '../shared/base64';
import { sectionRoom } from '../shared/rooms';
import { locatePassage, numberOf } from './locate-passage';
import { planNumbering } from './plan-numbering';

export type AmendmentRow = typeof amendments.$inferSelect;

/**
 * Amendments as members see them: with the states that co-sponsor or object, and, read from the live
 * text, the number of the paragraph each passage stands in now and whether it still reads as proposed.
 */
export async function amendmentViews(db: Db, planId: string, rows: readonly AmendmentRow[]): Promise<AmendmentView[]> {
  if (!rows.length) return [];
  const stances = await db
    .select()
    .from(amendmentStances)
    .where(
      inArray(
        amendmentStances.amendmentId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(amendmentStances.at));
  const numbers = await planNumbering(db, planId);
  const places = new Map<string, { paragraph: string | null; reads: string | null }>();
  for (const sectionId of new Set(rows.map((r) => r.sectionId))) {
    await documentHost().read(sectionRoom(sectionId), (doc) => {
      for (const row of rows.filter((r) => r.sectionId === sectionId)) {
        const place = locatePassage(doc, row.targetFrom, row.targetTo);
        places.set(row.id, {
          paragraph: place && numberOf(doc, place.paragraph, numbers.get(sectionId) ?? 0),
          reads: place?.reads ?? null,
        });
      }
    });
  }
  return rows.map((row) => {
    const place = places.get(row.id);
    const of = (stance: 'cosponsor' | 'object') =>
      stances.filter((s) => s.amendmentId === row.id && s.stance === stance).map((s) => s.stateCode);
    return {
      id: row.id,
      number: row.number,
      sectionId: row.sectionId,
      sponsorState: row.sponsorState,
      kind: row.kind,
      targetText: row.targetText,
      proposedText: row.proposedText,
      justification: row.justification,
      status: row.status,
      paragraph: place?.paragraph ?? null,
      outdated: row.status === 'pending' && place?.reads !== row.targetText,
      cosponsors: of('cosponsor'),
      objections: of('object'),
      decisionReason: row.decisionReason,
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      from: base64FromBytes(row.targetFrom),
      to: base64FromBytes(row.targetTo),
    };
  });
}

/** One amendment, as a view. */
export async function amendmentView(db: Db, id: string): Promise<AmendmentView> {
  const [row] = await db.select().from(amendments).where(eq(amendments.id, id));
  const [view] = await amendmentViews(db, row!.planId, [row!]);
  return view!;
}
