import type { Overlap, ParagraphRef } from './types';

/** Code-unit order rather than localeCompare, so that the order does not depend on the machine's locale. */
const compareText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

export const compareRefs = (x: ParagraphRef, y: ParagraphRef): number =>
  compareText(x.section, y.section) || x.paragraph - y.paragraph;

/** By score, highest first, then by paragraphs: a total order, so equal plans give equal lists. */
export function sortOverlaps(overlaps: readonly Overlap[]): Overlap[] {
  return [...overlaps].sort((x, y) => y.score - x.score || compareRefs(x.a, y.a) || compareRefs(x.b, y.b));
}
