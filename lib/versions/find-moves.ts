/** A passage found removed in one place and added in another, by its words. */
type Passage = { text: string; moved?: MovedPlace };

/**
 * Where a moved passage came from (on an added one) or went to (on a removed one). `partly`: the
 * passage holds more than the moved words (one state's words read as one passage, so words written
 * next to the moved ones join it).
 */
export type MovedPlace = { sectionId: string | null; number: number | null; title: string | null; partly: boolean };

type Place = { sectionId: string | null; number: number | null; title: string | null };
type Changes = Place & { added: Passage[]; removed: Passage[] };

/** Shorter passages ("in the region of the") match by chance: they stay added and removed. */
const MIN_WORDS = 5;
/** Share of the shorter passage's words found in the other, in order: a move often changes a word on the way. */
const MIN_SHARE = 0.8;
/** Word pairs compared at most for one pair of passages (two passages of 2,000 words). */
const MAX_CELLS = 4_000_000;

/**
 * Marks, across the plan, each removed passage whose words were added elsewhere (in another section or
 * further on in the same one) as moved, and the added one as moved from there: a reader sees one
 * passage moved, not one deleted and another written. Words count as moved when the shorter passage's
 * words appear in the longer one, in the same order, all but a few; each passage pairs with at most
 * one other, the best match first.
 */
export function markMoves(sections: readonly Changes[]): void {
  const entries = (list: 'added' | 'removed') =>
    sections.flatMap((s) =>
      s[list]
        .map((passage) => ({ place: s, passage, words: wordsOf(passage.text) }))
        .filter((e) => e.words.length >= MIN_WORDS),
    );
  const removed = entries('removed');
  const added = entries('added');
  const pairs: Array<{ r: (typeof removed)[number]; a: (typeof added)[number]; share: number }> = [];
  for (const r of removed)
    for (const a of added) {
      const shorter = Math.min(r.words.length, a.words.length);
      // The bag of words first (cheap): only a likely pair is compared word by word, in order.
      if (sharedWords(r.words, a.words) < MIN_SHARE * shorter) continue;
      if (r.words.length * a.words.length > MAX_CELLS) continue;
      const share = commonInOrder(r.words, a.words) / shorter;
      if (share >= MIN_SHARE) pairs.push({ r, a, share });
    }
  pairs.sort((x, y) => y.share - x.share);
  for (const { r, a } of pairs) {
    if (r.passage.moved || a.passage.moved) continue;
    const common = commonInOrder(r.words, a.words);
    r.passage.moved = { ...placeOf(a.place), partly: common < MIN_SHARE * r.words.length };
    a.passage.moved = { ...placeOf(r.place), partly: common < MIN_SHARE * a.words.length };
  }
}

function placeOf(place: Place): Place {
  return { sectionId: place.sectionId, number: place.number, title: place.title };
}

function wordsOf(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Words the two hold in common, as often as both hold them, in any order. */
function sharedWords(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(word, left - 1);
    }
  }
  return shared;
}

/** The longest run of words both hold in the same order, gaps allowed (longest common subsequence). */
function commonInOrder(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
