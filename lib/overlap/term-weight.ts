/** A plan is taken to hold at least this many paragraphs: in a tiny plan every shared word would look common. */
const MIN_PARAGRAPHS = 64;

/** Generic plan vocabulary ("establish", "national") weighs this fraction of a content word as rare. */
const CONTENT_FACTOR = 3;

/** Twice log2 of the plan's paragraph count, rounded: all weights move together when it changes. */
export function weightScale(paragraphs: number): number {
  return Math.round(2 * Math.log2(Math.max(paragraphs, MIN_PARAGRAPHS)));
}

/**
 * How much a shared term says that two paragraphs propose the same thing: its inverse document
 * frequency in the plan, in half-octaves, so that it is an integer (sums stay exact, whatever the order)
 * and changes only when the term's paragraph count crosses a power of √2 — an edit then re-weighs a
 * term, and re-matches the paragraphs that hold it, about once per paragraph of that term's count.
 */
export function termWeight(count: number, paragraphs: number, generic: boolean): number {
  const idf = Math.max(1, weightScale(paragraphs) - Math.floor(2 * Math.log2(Math.max(count, 1))));
  return generic ? idf : CONTENT_FACTOR * idf;
}

/** Content words' worth of weight added to each pair's total: the evidence a short paragraph lacks. */
const PRIOR_WORDS = 4;

/**
 * A pair of ten-word paragraphs that share three topic words ("train", "police", "community") is weak
 * evidence of the same proposal; two forty-word paragraphs sharing twelve are strong. Adding a few
 * typical content words' weight to the denominator of every pair's Dice (additive smoothing) lowers
 * short pairs' scores much and long pairs' little. It moves with the weight scale, so it too changes
 * only when every weight does.
 */
export function evidencePrior(paragraphs: number): number {
  return Math.round((PRIOR_WORDS * CONTENT_FACTOR * weightScale(paragraphs)) / 2);
}
