import * as Y from 'yjs';
import type { TextBlock } from '../documents/paragraphs';

/**
 * A Yjs relative position on the paragraph itself (not on a character in it): it keeps pointing at the
 * same paragraph however its text is edited, and is lost only when the paragraph is deleted.
 */
export function anchorOf(element: Y.XmlElement): Uint8Array {
  return Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(element, 0, -1));
}

/** Index in `blocks` of the paragraph an anchor points at; -1 when it was deleted or is blank now. */
export function findAnchored(doc: Y.Doc, blocks: readonly TextBlock[], anchor: Uint8Array): number {
  const element = anchoredElement(doc, anchor);
  return element ? blocks.findIndex((block) => block.element === element) : -1;
}

/**
 * The paragraph element an anchor points at, blank or not: a paragraph being rewritten can be empty for a
 * moment (all its words deleted before the old ones are written back), when findAnchored leaves it out.
 */
export function anchoredElement(doc: Y.Doc, anchor: Uint8Array): Y.XmlElement | null {
  const position = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(anchor), doc);
  return position?.type instanceof Y.XmlElement && !position.type._item?.deleted ? position.type : null;
}
