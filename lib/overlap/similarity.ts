import type { ParagraphFeatures } from './features';
import { shingles } from './shingles';

export type OverlapKind = 'copy' | 'paraphrase' | 'containment';

export type Similarity = { readonly score: number; readonly kind: OverlapKind };

/** Coverage and size ratio from which a match is reported as one paragraph containing the other. */
const CONTAINMENT_COVERAGE = 0.8;
const CONTAINMENT_RATIO = 2 / 3;

/** Sum of the weights of the terms the two paragraphs share. */
function sharedWeight(a: ParagraphFeatures, b: ParagraphFeatures): number {
  const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [term, weight] of small.terms) if (large.terms.has(term)) shared += weight;
  return shared;
}

/** Share of the smaller paragraph's weight that the other one also has; the score never exceeds it. */
function coverage(shared: number, a: ParagraphFeatures, b: ParagraphFeatures): number {
  return shared / Math.min(a.weight, b.weight);
}

/** Shingles are made when a paragraph first reaches this stage, which most never do, and then kept. */
const shinglesOf = new WeakMap<ParagraphFeatures, ReadonlySet<string>>();

function paragraphShingles(features: ParagraphFeatures): ReadonlySet<string> {
  let found = shinglesOf.get(features);
  if (!found) {
    found = shingles(features.sequence);
    shinglesOf.set(features, found);
  }
  return found;
}

/** Share of the smaller paragraph's word bigrams found in the other: how much of its phrasing recurs. */
function sharedShingleRatio(a: ParagraphFeatures, b: ParagraphFeatures): number {
  const [x, y] = [paragraphShingles(a), paragraphShingles(b)];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  return shared / small.size;
}

/**
 * How far the two paragraphs propose the same thing, in [0, 1]: the coverage of the smaller one's
 * terms, trusted as it is when the paragraphs are of a size, and otherwise only as far as the smaller
 * one's phrasing recurs in the larger, because a short item's few words are easily found scattered
 * through a long paragraph on the same topic. Symmetric by construction.
 * `shared` may be passed when the caller has already summed it (the index does, while searching).
 */
export function similarity(a: ParagraphFeatures, b: ParagraphFeatures, shared = sharedWeight(a, b)): Similarity {
  if (a.language !== b.language) return { score: 0, kind: 'paraphrase' };
  if (a.text === b.text) return { score: 1, kind: 'copy' };
  const cover = coverage(shared, a, b);
  const ratio = Math.min(a.weight, b.weight) / Math.max(a.weight, b.weight);
  const score = cover * (ratio + (1 - ratio) * sharedShingleRatio(a, b));
  const contained = cover >= CONTAINMENT_COVERAGE && ratio <= CONTAINMENT_RATIO;
  return { score, kind: contained ? 'containment' : 'paraphrase' };
}
