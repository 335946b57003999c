import { asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { bracketedSpans } from '../../db/schema';
import { documentHost } from '../documents/live-documents';
import { base64FromBytes } from '../shared/base64';
import type { BracketedSpanView } from '../shared/bracketed-spans';
import type { SectionNumbering } from '../shared/paragraph-numbers';
import { sectionRoom } from '../shared/rooms';
import { locatePassage, numberOf, type Located } from './locate-passage';

export type BracketedSpanRow = typeof bracketedSpans.$inferSelect;

/** A section's open bracketed spans, in the order bracketed. */
export function sectionSpanRows(db: Db, sectionId: string): Promise<BracketedSpanRow[]> {
  return db
    .select()
    .from(bracketedSpans)
    .where(eq(bracketedSpans.sectionId, sectionId))
    .orderBy(asc(bracketedSpans.createdAt));
}

/** A section's bracketed spans as pages see them, read from its live text, with no one's permission checked. */
export async function sectionSpanViews(
  db: Db,
  sectionId: string,
  numbering: SectionNumbering,
): Promise<BracketedSpanView[]> {
  const rows = await sectionSpanRows(db, sectionId);
  if (!rows.length) return [];
  return documentHost().read(sectionRoom(sectionId), (doc) => spanViews(doc, rows, numbering));
}

/** The spans of `rows` as they stand in `doc`, in the order of the text (spans whose words are gone last). */
export function spanViews(
  doc: Y.Doc,
  rows: readonly BracketedSpanRow[],
  numbering: number | SectionNumbering,
): BracketedSpanView[] {
  const views = rows.map((row) => {
    const place = locatePassage(doc, row.spanFrom, row.spanTo);
    const paragraph = place && numberOf(doc, place.paragraph, numbering);
    const start = place && paragraph ? offsetInParagraph(place) : 0;
    return {
      view: {
        id: row.id,
        paragraph,
        text: place?.reads ?? row.spanText,
        changed: place?.reads !== row.spanText,
        alternatives: row.alternatives,
        from: base64FromBytes(row.spanFrom),
        to: base64FromBytes(row.spanTo),
        start,
        end: start + (place && paragraph ? place.to - place.from : 0),
      },
      order: place?.paragraph ? (place.paragraph.parent as Y.XmlFragment).toArray().indexOf(place.paragraph) : Infinity,
    };
  });
  return views.sort((a, b) => a.order - b.order || a.view.start - b.view.start).map((v) => v.view);
}

/**
 * Where a passage starts in its paragraph's text as exports read it: the words of the texts before its
 * own, and one for each hard break between them.
 */
function offsetInParagraph(place: Located): number {
  let offset = place.from;
  for (const child of place.paragraph?.toArray() ?? []) {
    if (child === place.text) break;
    if (child instanceof Y.XmlText)
      offset += (child.toDelta() as Array<{ insert: unknown }>).reduce(
        (n, op) => n + (typeof op.insert === 'string' ? op.insert.length : 0),
        0,
      );
    else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') offset += 1;
  }
  return offset;
}

/** Whether two passages of one text overlap (touching ends do not). */
export function overlaps(a: Located, b: Located): boolean {
  return a.text === b.text && a.from < b.to && b.from < a.to;
}
