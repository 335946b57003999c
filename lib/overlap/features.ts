import { detectLanguage, type Language } from './language';
import { normalize } from './normalize';
import { wordTerm } from './word-terms';

/** What a paragraph is compared by; computed once per paragraph and kept by the index. */
export type ParagraphFeatures = {
  readonly language: Language;
  /** Weight of each content term, keyed by stem prefixed with the language so that languages never meet. */
  readonly terms: ReadonlyMap<string, number>;
  /** Sum of the term weights. */
  readonly weight: number;
  /** Stems of the content words in text order, from which shingles are made when a pair needs them. */
  readonly sequence: readonly string[];
  /** Every token, stop words included: equal texts here are copies. */
  readonly text: string;
};

/** Fewer content terms than this (a heading, "See above.") is not a proposal worth comparing. */
export const MIN_TERMS = 3;

/** Features of one paragraph, or null when it is too short to be a proposal. */
export function extractFeatures(paragraph: string): ParagraphFeatures | null {
  const tokens = normalize(paragraph);
  const language = detectLanguage(tokens);
  const terms = new Map<string, number>();
  const sequence: string[] = [];
  let weight = 0;
  for (const token of tokens) {
    const found = wordTerm(token, language);
    if (!found) continue;
    sequence.push(found.stem);
    if (terms.has(found.key)) continue;
    terms.set(found.key, found.weight);
    weight += found.weight;
  }
  return terms.size < MIN_TERMS ? null : { language, terms, weight, sequence, text: tokens.join(' ') };
}
