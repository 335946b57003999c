import * as Y from 'yjs';
import { textBlocks } from '../documents/paragraphs';
import { AppError } from '../errors';
import { findAnchored } from './anchors';

/** The paragraph an anchor points at in a document, or a conflict if it was deleted since the analysis. */
export function anchoredParagraph(doc: Y.Doc, anchor: Uint8Array): { element: Y.XmlElement; text: string; number: number } {
  const blocks = textBlocks(doc);
  const index = findAnchored(doc, blocks, anchor);
  if (index < 0) throw new AppError('conflict', 'A passage of this overlap was deleted meanwhile; analyse the plan again');
  return { ...blocks[index]!, number: index + 1 };
}

/**
 * Rewrites the kept paragraph to the chosen wording, touching only the characters that differ so that
 * the words left as they were keep their authors, and marks it co-sponsored by the states involved.
 */
export function keepWording(paragraph: Y.XmlElement, wording: string, cosponsors: readonly string[], mergeId: string): void {
  const children = paragraph.toArray();
  const delta = children.length === 1 && children[0] instanceof Y.XmlText ? (children[0].toDelta() as Array<{ insert: unknown }>) : null;
  if (delta && delta.every((op) => typeof op.insert === 'string')) {
    const current = delta.map((op) => op.insert).join('');
    if (current !== wording) replaceDifference(children[0] as Y.XmlText, current, wording);
  } else {
    // Inline nodes (breaks) in the paragraph: offsets would not be plain text offsets.
    paragraph.delete(0, paragraph.length);
    paragraph.insert(0, [new Y.XmlText(wording)]);
  }
  // Yjs types attribute values as strings, but stores any JSON value: the editor reads a list of names.
  paragraph.setAttribute('cosponsors', [...cosponsors] as unknown as string);
  paragraph.setAttribute('mergeId', mergeId);
}

/** The states a paragraph is co-sponsored by, and the id its cross-references link to, if merged before. */
export function cosponsorship(paragraph: Y.XmlElement): { cosponsors: string[]; mergeId: string | null } {
  const names: unknown = paragraph.getAttribute('cosponsors');
  const mergeId: unknown = paragraph.getAttribute('mergeId');
  return {
    cosponsors: Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [],
    mergeId: typeof mergeId === 'string' ? mergeId : null,
  };
}

/** Replaces the paragraph's text with a linked cross-reference to the kept wording. */
export function replaceWithReference(paragraph: Y.XmlElement, reference: { before: string; link: string; href: string; after: string }): void {
  paragraph.delete(0, paragraph.length);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  text.insert(0, reference.before);
  text.insert(reference.before.length, reference.link, { link: { href: reference.href, target: null, rel: null, class: null } });
  text.insert(reference.before.length + reference.link.length, reference.after, { link: null });
  paragraph.removeAttribute('cosponsors');
  paragraph.removeAttribute('mergeId');
}

function replaceDifference(text: Y.XmlText, from: string, to: string): void {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (end < from.length - start && end < to.length - start && from[from.length - 1 - end] === to[to.length - 1 - end]) end++;
  text.delete(start, from.length - start - end);
  text.insert(start, to.slice(start, to.length - end));
}
