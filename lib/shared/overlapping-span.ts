import { compareWords } from './compare-words';

/** Characters [start, end) of a paragraph. */
export type Span = { start: number; end: number };

/** Share of a sentence's words found in the other passage above which the sentence is part of the overlap. */
const SHARED = 0.5;

/** The sentences of a paragraph with their character offsets, the whitespace after each included. */
export function sentences(paragraph: string, locale = 'en'): Span[] {
  const spans: Span[] = [];
  for (const { index, segment } of new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(paragraph)) {
    if (segment.trim()) spans.push({ start: index, end: index + segment.length });
  }
  return spans;
}

function sharedShare(sentence: string, other: string): number {
  const runs = compareWords(sentence, other);
  const count = (side: 'both' | 'a') =>
    runs.filter((r) => r.in === side).reduce((n, r) => n + r.text.split(' ').length, 0);
  const mine = count('both') + count('a');
  return mine ? count('both') / mine : 0;
}

/**
 * The part of `paragraph` that overlaps `other`: from its first to its last sentence sharing at least
 * half its words with `other` (the best one when none does), whitespace after it left out. A merge
 * replaces this span only, so the paragraph's other sentences stay as their authors wrote them.
 */
export function overlappingSpan(paragraph: string, other: string): Span {
  const all = sentences(paragraph);
  if (all.length <= 1) return { start: 0, end: paragraph.trimEnd().length };
  const shares = all.map((s) => sharedShare(paragraph.slice(s.start, s.end), other));
  let first = shares.findIndex((share) => share >= SHARED);
  let last = shares.findLastIndex((share) => share >= SHARED);
  if (first < 0) first = last = shares.indexOf(Math.max(...shares));
  const start = all[first]!.start;
  return { start, end: start + paragraph.slice(start, all[last]!.end).trimEnd().length };
}
