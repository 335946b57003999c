import * as Y from 'yjs';
import { numberedParagraphs } from '../documents/paragraphs';
import { paragraphNumber, type SectionNumbering } from '../shared/paragraph-numbers';

/** A passage of a section found in its document: the text that holds it, its offsets, and what it reads. */
export type Located = { text: Y.XmlText; from: number; to: number; reads: string; paragraph: Y.XmlElement | null };

/**
 * Where a passage given as two Yjs relative positions stands in a document now, or null when it is no
 * longer there (its text deleted) or never was one passage (its ends in different paragraphs).
 */
export function locatePassage(doc: Y.Doc, fromBytes: Uint8Array, toBytes: Uint8Array): Located | null {
  const from = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBytes), doc);
  const to = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(toBytes), doc);
  if (!from || !to || from.type !== to.type || !(from.type instanceof Y.XmlText) || from.index > to.index) return null;
  const text = from.type;
  if (text._item?.deleted) return null;
  return {
    text,
    from: from.index,
    to: to.index,
    reads: plain(text).slice(from.index, to.index),
    paragraph: topLevel(text),
  };
}

/** The paragraph's number in its section ("4.2"), or null when it is not a numbered paragraph. */
export function numberOf(
  doc: Y.Doc,
  paragraph: Y.XmlElement | null,
  numbering: number | SectionNumbering,
): string | null {
  if (!paragraph) return null;
  const index = numberedParagraphs(doc).findIndex((p) => p.element === paragraph);
  return index < 0 ? null : paragraphNumber(numbering, index);
}

/** Applies an amendment to its passage: the proposed words replace it, follow it, or it goes. */
export function applyAmendment(place: Located, kind: 'replace' | 'insert' | 'delete', wording: string): void {
  const { text, from, to } = place;
  if (kind === 'insert') {
    text.insert(to, wording);
    return;
  }
  if (kind === 'replace') text.insert(to, wording);
  text.delete(from, to - from);
}

/** The text's characters, an embedded node counting as one, as Yjs offsets count them. */
function plain(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>)
    .map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
    .join('');
}

function topLevel(text: Y.XmlText): Y.XmlElement | null {
  // Y.XmlElement is a kind of Y.XmlFragment: the climb stops below the document's own fragment.
  let node: Y.XmlText | Y.XmlElement = text;
  while (node.parent instanceof Y.XmlElement) node = node.parent;
  return node instanceof Y.XmlElement ? node : null;
}
