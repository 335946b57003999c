import { LANGUAGE_INDEX, READINGS, type ParagraphTerms } from './paragraph-terms';
import type { OverlapKind } from './types';

/** Coverage and size ratio from which a match is reported as one paragraph containing the other. */
const CONTAINMENT_COVERAGE = 0.8;
const CONTAINMENT_RATIO = 2 / 3;

/** Made from a paragraph's phrasing when a pair of very different sizes needs them, then kept. */
const bigramsOf = new WeakMap<readonly string[], ReadonlySet<string>>();

function bigrams(sequence: readonly string[]): ReadonlySet<string> {
  let found = bigramsOf.get(sequence);
  if (!found) {
    const made = new Set<string>();
    for (let i = 0; i + 1 < sequence.length; i++) made.add(`${sequence[i]} ${sequence[i + 1]}`);
    bigramsOf.set(sequence, (found = made));
  }
  return found;
}

/** Share of the smaller paragraph's word pairs found in the larger: how much of its phrasing recurs. */
function phrasing(small: readonly string[], large: readonly string[]): number {
  const [x, y] = [bigrams(small), bigrams(large)];
  if (x.size === 0) return 0;
  let shared = 0;
  for (const bigram of x) if (y.has(bigram)) shared++;
  return shared / x.size;
}

/**
 * Below this size ratio a pair's shared words are trusted less the smaller the ratio (its square), and
 * the rest only as far as the smaller one's phrasing recurs in the larger: a short item's few words are
 * easily found scattered through a long paragraph on the same topic. Paragraphs of a size are not affected.
 */
const PHRASE_RATIO = 2 / 3;

/**
 * Scores are reported as Dice^EXPONENT: the same order, spread over [0, 1] so that the default
 * threshold (0.5) sits at a Dice of about 0.16 — what paraphrases in different words, or read through
 * machine translation, share — and copies score 1.
 */
const EXPONENT = 0.38;

/** The mean Dice coefficient a score stands for. */
export const diceForScore = (score: number): number => score ** (1 / EXPONENT);

/** Where a pair's weights are: the shared weight and each paragraph's total, per language, at these offsets. */
export type PairWeights = {
  readonly shared: Int32Array;
  readonly sharedAt: number;
  readonly totals: Int32Array;
  readonly aAt: number;
  readonly bAt: number;
  /** Weight added to every pair's total (see evidencePrior): short paragraphs need more words in common. */
  readonly prior: number;
};

/**
 * How far two paragraphs propose the same thing, in [0, 1]: in each language both are read in (their
 * own, the Spanish pivot, English), the weighted Dice coefficient of their terms — shared weight over
 * their mean weight, which rewards sharing the rare words of a proposal and penalises the details one
 * has and the other lacks — averaged over those languages, so a word the translation rendered
 * differently in one language can still meet in the other; for two paragraphs of one language, no more
 * than in their own language. Symmetric; null when they share no reading.
 */
export function pairScore(
  a: ParagraphTerms,
  b: ParagraphTerms,
  weights: PairWeights,
): { score: number; kind: OverlapKind } | null {
  if (a.copyText === b.copyText) return { score: 1, kind: 'copy' };
  const common = a.readings & b.readings;
  const { shared, sharedAt, totals, aAt, bAt } = weights;
  const own = a.language === b.language ? LANGUAGE_INDEX[a.language] : -1;
  let dice = 0;
  let ownDice = 1;
  let cover = 0;
  let ratio = 0;
  let count = 0;
  for (let reading = 0; reading < READINGS; reading++) {
    if ((common & (1 << reading)) === 0) continue;
    const both = shared[sharedAt + reading]!;
    const x = totals[aAt + reading]!;
    const y = totals[bAt + reading]!;
    const [small, large] = x <= y ? [x, y] : [y, x];
    const sizes = small / large;
    let trusted = (2 * both) / (x + y + weights.prior);
    if (sizes < PHRASE_RATIO && both > 0) {
      const [shorter, longer] = x <= y ? [a, b] : [b, a];
      const kept = (sizes / PHRASE_RATIO) ** 2;
      trusted *= kept + (1 - kept) * phrasing(shorter.sequences[reading]!, longer.sequences[reading]!);
    }
    dice += trusted;
    if (reading === own) ownDice = trusted;
    cover += both / small;
    ratio += sizes;
    count++;
  }
  if (count === 0) return null;
  const contained = cover / count >= CONTAINMENT_COVERAGE && ratio / count <= CONTAINMENT_RATIO;
  // Two paragraphs of one language must also agree in their own words, not only through translations,
  // which lend same-topic proposals of one language their shared phrasing twice over.
  return { score: Math.min(dice / count, ownDice) ** EXPONENT, kind: contained ? 'containment' : 'paraphrase' };
}
