import type { OverlapMark } from '../../../lib/plans/read-plan-text';
import type { ParagraphNote } from './blocks-html';

/**
 * The note after each paragraph with an open overlap, found by the paragraph's text: a link to the
 * overlaps board, with `say` giving the reader's words for it (the server's translator on the first
 * rendering, the page's as the section changes live).
 */
export function overlapNotes(
  marks: readonly OverlapMark[],
  planId: string,
  say: (mark: OverlapMark) => string,
): ((paragraph: string) => ParagraphNote | null) | undefined {
  if (!marks.length) return undefined;
  const byParagraph = new Map(marks.map((m) => [m.paragraph.trim(), m]));
  return (paragraph) => {
    const mark = byParagraph.get(paragraph.trim());
    return mark ? { href: `/plans/${planId}/consolidation`, text: say(mark) } : null;
  };
}
