import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Db } from '../../db/client';
import { paragraphReservations } from '../../db/schema';
import { anchoredElement } from '../consolidation/anchors';
import { numberedParagraphs } from '../documents/paragraphs';
import { paragraphNumber, type SectionNumbering } from '../shared/paragraph-numbers';
import type { ReservationView } from '../shared/paragraph-status';

export type ReservationRow = typeof paragraphReservations.$inferSelect;

/** A section's reservations, oldest first (the order their footnotes take). */
export function sectionReservationRows(db: Db, sectionId: string): Promise<ReservationRow[]> {
  return db
    .select()
    .from(paragraphReservations)
    .where(eq(paragraphReservations.sectionId, sectionId))
    .orderBy(paragraphReservations.recordedAt, paragraphReservations.stateCode);
}

/** Each row's reservation, by the paragraph element it is on; a reservation whose paragraph was deleted is left out. */
export function reservationsByElement(
  doc: Y.Doc,
  rows: readonly ReservationRow[],
): Map<Y.XmlElement, ReservationView[]> {
  const byElement = new Map<Y.XmlElement, ReservationView[]>();
  for (const row of rows) {
    const element = anchoredElement(doc, row.anchor);
    if (!element) continue;
    const view = { state: row.stateCode, text: row.text, recordedAt: row.recordedAt.toISOString() };
    byElement.set(element, [...(byElement.get(element) ?? []), view]);
  }
  return byElement;
}

/** The reservations of `rows` by the number their paragraph has now ("2.3"), for exports. */
export function reservationsByNumber(
  doc: Y.Doc,
  rows: readonly ReservationRow[],
  numbering: number | SectionNumbering,
): Map<string, ReservationView[]> {
  const byElement = reservationsByElement(doc, rows);
  const byNumber = new Map<string, ReservationView[]>();
  numberedParagraphs(doc).forEach(({ element }, index) => {
    const views = byElement.get(element);
    if (views) byNumber.set(paragraphNumber(numbering, index), views);
  });
  return byNumber;
}
