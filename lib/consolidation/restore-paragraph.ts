import type * as Y from 'yjs';
import type { MergedParagraph } from '../../db/schema';
import type { DocumentHost } from '../documents/live-documents';
import { appError } from '../i18n/error-text';
import { anchoredElement, anchorOf } from './anchors';
import { anchoredParagraph } from './resolution-edits';
import { paragraphRuns, plainText, type ParagraphRun } from './paragraph-runs';

type Char = { char: string; userId: string | null; marks: string };

function chars(runs: readonly ParagraphRun[]): Char[] {
  return runs.flatMap((run) =>
    [...run.text].map((char) => ({ char, userId: run.userId, marks: JSON.stringify(run.attributes) })),
  );
}

const same = (x: Char | undefined, y: Char | undefined) =>
  x !== undefined && y !== undefined && x.char === y.char && x.userId === y.userId && x.marks === y.marks;

/**
 * Puts a merged paragraph back as it was before the merge: the characters the merge wrote are deleted
 * by `userId`, and each run the merge took out is written again by its own author with its marks, so
 * the text and who wrote each character come back as they were. Characters the merge left stay.
 */
export async function restoreParagraph(
  host: DocumentHost,
  options: { docId: string; anchor: Uint8Array; record: MergedParagraph; userId: string },
): Promise<void> {
  const { docId, record, userId } = options;
  // Found once (by its anchor, or by the words the merge wrote), then held by an anchor of its own.
  const { now, anchor } = await host.read(docId, (doc, users) => {
    const { element } = anchoredParagraph(doc, options.anchor, record.after);
    return { now: paragraphRuns(doc, users, element) ?? [], anchor: anchorOf(element) };
  });
  const current = chars(now);
  const before = chars(record.before);
  let prefix = 0;
  while (same(current[prefix], before[prefix])) prefix++;
  let suffix = 0;
  while (
    suffix < current.length - prefix &&
    suffix < before.length - prefix &&
    same(current[current.length - 1 - suffix], before[before.length - 1 - suffix])
  )
    suffix++;
  // Offsets in UTF-16 units, as Yjs counts them.
  const units = (list: Char[]) => list.reduce((n, c) => n + c.char.length, 0);
  const at = units(current.slice(0, prefix));

  await host.change(docId, userId, (copy) => {
    const paragraph = paragraphAt(copy, anchor);
    plainText(paragraph)?.delete(at, units(current.slice(prefix, current.length - suffix)));
    if (record.cosponsors.length) paragraph.setAttribute('cosponsors', [...record.cosponsors] as unknown as string);
    else paragraph.removeAttribute('cosponsors');
    if (record.mergeId) paragraph.setAttribute('mergeId', record.mergeId);
    else paragraph.removeAttribute('mergeId');
  });

  // The removed characters, in runs of one author and one set of marks, each written back by that author.
  const missing = before.slice(prefix, before.length - suffix);
  let offset = at;
  for (let i = 0; i < missing.length;) {
    let j = i;
    let text = '';
    while (j < missing.length && missing[j]!.userId === missing[i]!.userId && missing[j]!.marks === missing[i]!.marks)
      text += missing[j++]!.char;
    const marks = JSON.parse(missing[i]!.marks) as Record<string, unknown>;
    const insertAt = offset;
    // Text without attribution (written before attribution existed) comes back as the chair's.
    await host.change(docId, missing[i]!.userId ?? userId, (copy) =>
      plainText(paragraphAt(copy, anchor))?.insert(insertAt, text, marks),
    );
    offset += text.length;
    i = j;
  }
}

function paragraphAt(doc: Y.Doc, anchor: Uint8Array): Y.XmlElement {
  const element = anchoredElement(doc, anchor);
  if (!element) throw appError('conflict', 'passageDeleted');
  return element;
}
