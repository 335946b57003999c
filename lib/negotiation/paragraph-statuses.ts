import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { paragraphStatuses } from '../../db/schema';
import { anchorOf, anchoredElement } from '../consolidation/anchors';
import { documentHost } from '../documents/live-documents';
import { numberedParagraphs } from '../documents/paragraphs';
import { authorize } from '../permissions/authorize-action';
import { sectionPlan } from '../plans/find-section-plan';
import { base64FromBytes } from '../shared/base64';
import { paragraphNumber, type SectionNumbering } from '../shared/paragraph-numbers';
import { sectionSpanRows } from './bracketed-spans';
import { locatePassage } from './locate-passage';
import { sectionNumbering } from './plan-numbering';
import { EXCERPT_CHARS, type ParagraphRow, type ParagraphStatusView } from '../shared/paragraph-status';
import { EDITOR_FIELD, sectionRoom } from '../shared/rooms';
import { reservationsByElement, sectionReservationRows } from './paragraph-reservations';

export type ParagraphStatusRow = typeof paragraphStatuses.$inferSelect;

/** A section's numbered paragraphs with their statuses, for any member of its plan. */
export async function listParagraphStatuses(
  db: Db,
  options: { userId: string; sectionId: string },
): Promise<ParagraphRow[]> {
  const planId = await sectionPlan(db, options.sectionId);
  await authorize(db, { userId: options.userId, planId, action: { type: 'plan.read' } });
  return sectionParagraphRows(db, planId, options.sectionId);
}

/**
 * Every numbered paragraph of a section with its status, with no one's permission checked (for the
 * collaboration server). `numbering`: the section's, when the caller has it (else read).
 */
export async function sectionParagraphRows(
  db: Db,
  planId: string,
  sectionId: string,
  numbering?: SectionNumbering,
): Promise<ParagraphRow[]> {
  const rows = await db.select().from(paragraphStatuses).where(eq(paragraphStatuses.sectionId, sectionId));
  const reservationRows = await sectionReservationRows(db, sectionId);
  const spanRows = await sectionSpanRows(db, sectionId);
  const numbers = numbering ?? (await sectionNumbering(db, planId, sectionId));
  return documentHost().read(sectionRoom(sectionId), (doc) => {
    const byElement = new Map(rows.map((row) => [anchoredElement(doc, row.anchor), row]));
    const reservations = reservationsByElement(doc, reservationRows);
    const spans = spanRows.map((row) => locatePassage(doc, row.spanFrom, row.spanTo)?.paragraph);
    return numberedParagraphs(doc).map(({ element, text }, index) => {
      const row = byElement.get(element);
      const trimmed = text.trim();
      return {
        anchor: base64FromBytes(anchorOf(element)),
        paragraph: paragraphNumber(numbers, index),
        excerpt: trimmed.length > EXCERPT_CHARS ? `${trimmed.slice(0, EXCERPT_CHARS - 1)}…` : trimmed,
        status: row?.status ?? null,
        adRefStates: row?.adRefStates ?? [],
        reservations: reservations.get(element) ?? [],
        bracketedSpans: spans.filter((p) => p === element).length,
      };
    });
  });
}

/**
 * A section's paragraph statuses with no one's permission checked (the collaboration server's sockets
 * are checked), in the order of the text, numbered as the paragraphs stand now. A status whose paragraph
 * was deleted is left out.
 */
export async function sectionParagraphStatuses(
  db: Db,
  planId: string,
  sectionId: string,
): Promise<ParagraphStatusView[]> {
  const rows = await db.select().from(paragraphStatuses).where(eq(paragraphStatuses.sectionId, sectionId));
  if (!rows.length) return [];
  const numbering = await sectionNumbering(db, planId, sectionId);
  return documentHost().read(sectionRoom(sectionId), (doc) => statusViews(doc, rows, numbering));
}

/** The statuses of `rows` whose paragraphs are in `doc`, in the order of the text. */
export function statusViews(
  doc: Y.Doc,
  rows: readonly ParagraphStatusRow[],
  numbering: number | SectionNumbering,
): ParagraphStatusView[] {
  const numbered = numberedParagraphs(doc).map((p) => p.element);
  const top = doc.getXmlFragment(EDITOR_FIELD).toArray();
  return rows
    .map((row) => ({ row, element: anchoredElement(doc, row.anchor) }))
    .filter((s): s is { row: ParagraphStatusRow; element: Y.XmlElement } => s.element !== null)
    .sort((a, b) => top.indexOf(a.element) - top.indexOf(b.element))
    .map(({ row, element }) => {
      const index = numbered.indexOf(element);
      return {
        anchor: base64FromBytes(row.anchor),
        paragraph: index < 0 ? null : paragraphNumber(numbering, index),
        status: row.status,
        adRefStates: row.adRefStates,
        setAt: row.setAt.toISOString(),
      };
    });
}

/** A section's agreed paragraphs, as the anchors stored for them. */
export async function agreedAnchors(db: Db, sectionId: string): Promise<Uint8Array[]> {
  const rows = await db
    .select({ anchor: paragraphStatuses.anchor })
    .from(paragraphStatuses)
    .where(and(eq(paragraphStatuses.sectionId, sectionId), eq(paragraphStatuses.status, 'agreed')));
  return rows.map((r) => r.anchor);
}

/**
 * The Yjs ids ("client:clock") of the elements of a section's agreed paragraphs: what the collaboration
 * server refuses edits inside. Read from the anchors alone (a relative position on an element names its
 * id), so no document is decoded for it.
 */
export async function lockedParagraphIds(db: Db, sectionId: string): Promise<Set<string>> {
  return idsOf(await agreedAnchors(db, sectionId));
}

/** lockedParagraphIds of every section that has agreed paragraphs, read at once (a server starting). */
export async function lockedParagraphIdsBySection(db: Db): Promise<Map<string, Set<string>>> {
  const rows = await db
    .select({ sectionId: paragraphStatuses.sectionId, anchor: paragraphStatuses.anchor })
    .from(paragraphStatuses)
    .where(eq(paragraphStatuses.status, 'agreed'));
  const anchors = new Map<string, Uint8Array[]>();
  for (const row of rows) anchors.set(row.sectionId, [...(anchors.get(row.sectionId) ?? []), row.anchor]);
  return new Map([...anchors].map(([sectionId, list]) => [sectionId, idsOf(list)]));
}

/** An element's id, "client:clock", from each relative position anchored on it. */
function idsOf(anchors: readonly Uint8Array[]): Set<string> {
  const ids = new Set<string>();
  for (const anchor of anchors) {
    const type = Y.decodeRelativePosition(anchor).type;
    if (type) ids.add(`${type.client}:${type.clock}`);
  }
  return ids;
}

/** Whether `paragraph` is one of the agreed ones (`agreed`: their anchors, from agreedAnchors). */
export function isAgreedParagraph(paragraph: Y.XmlElement | null, agreed: readonly Uint8Array[]): boolean {
  if (!paragraph || !agreed.length) return false;
  const anchor = anchorOf(paragraph);
  return agreed.some((a) => Buffer.compare(a, anchor) === 0);
}
