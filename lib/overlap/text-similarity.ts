import { extractFeatures } from './features';

/**
 * How much of two versions of a paragraph is the same, in [0, 1]: the weighted share of content terms
 * they have in common out of all their terms (weighted Jaccard). Unlike the overlap score it is not
 * forgiving of containment, so a paragraph that grew by half reads as changed.
 */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [x, y] = [extractFeatures(a), extractFeatures(b)];
  if (!x || !y || x.language !== y.language) return 0;
  let shared = 0;
  for (const [term, weight] of x.terms) shared += Math.min(weight, y.terms.get(term) ?? 0);
  return shared / (x.weight + y.weight - shared);
}
