import * as Y from 'yjs';
import { textBlocks } from '../documents/paragraphs';
import { appError } from '../i18n/error-text';
import { findAnchored } from './anchors';
import { plainString, plainText } from './paragraph-runs';

/**
 * The paragraph an anchor points at in a document, or a conflict if it was deleted since the analysis.
 * `text`, when given, finds a paragraph whose element was written anew with the same words (an editor
 * can replace a paragraph's element without changing its text): the one paragraph with exactly that text.
 */
export function anchoredParagraph(
  doc: Y.Doc,
  anchor: Uint8Array,
  text?: string,
): { element: Y.XmlElement; text: string; number: number } {
  const blocks = textBlocks(doc);
  let index = findAnchored(doc, blocks, anchor);
  if (index < 0 && text !== undefined) {
    const same = blocks.flatMap((block, i) => (block.text === text ? [i] : []));
    if (same.length === 1) index = same[0]!;
  }
  if (index < 0) throw appError('conflict', 'passageDeleted');
  return { ...blocks[index]!, number: index + 1 };
}

/**
 * Rewrites the kept paragraph to the chosen wording, touching only the characters that differ so that
 * the words left as they were keep their authors, and marks it co-sponsored by the states involved.
 */
export function keepWording(
  paragraph: Y.XmlElement,
  wording: string,
  cosponsors: readonly string[],
  mergeId: string,
): void {
  const text = plainText(paragraph);
  if (text) {
    const current = plainString(text);
    if (current !== wording) replaceDifference(text, current, wording);
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

export type Reference = { before: string; link: string; href: string; after: string };

/**
 * Replaces the characters [start, end) of the paragraph with a linked cross-reference to the kept
 * wording, keeping the rest of the paragraph (and its authors). A paragraph holding inline nodes (breaks)
 * has no plain offsets: all of it is replaced, and the caller records all of it as removed.
 */
export function replaceWithReference(
  paragraph: Y.XmlElement,
  reference: Reference,
  span?: { start: number; end: number },
): void {
  const text = plainText(paragraph);
  const whole = !text || !span || (span.start === 0 && span.end >= text.length);
  if (whole) {
    paragraph.delete(0, paragraph.length);
    paragraph.insert(0, [new Y.XmlText()]);
    paragraph.removeAttribute('cosponsors');
    paragraph.removeAttribute('mergeId');
  }
  const target = whole ? (paragraph.get(0) as Y.XmlText) : text;
  const at = whole ? 0 : span.start;
  if (!whole) target.delete(span.start, span.end - span.start);
  target.insert(at, reference.before, {});
  target.insert(at + reference.before.length, reference.link, {
    link: { href: reference.href, target: null, rel: null, class: null },
  });
  target.insert(at + reference.before.length + reference.link.length, reference.after, {});
}

function replaceDifference(text: Y.XmlText, from: string, to: string): void {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (
    end < from.length - start &&
    end < to.length - start &&
    from[from.length - 1 - end] === to[to.length - 1 - end]
  )
    end++;
  text.delete(start, from.length - start - end);
  text.insert(start, to.slice(start, to.length - end));
}
