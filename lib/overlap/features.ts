import { detectLanguage, type Language } from './language';
import { normalize } from './normalize';
import { stem } from './stem';
import { GENERIC_WORDS, STOPWORDS } from './stopwords';

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
const MIN_TERMS = 3;

/*
 * Integers, so that sums of weights are exact: a pair then scores the same whichever paragraph is
 * summed first, which keeps incremental and full analysis identical. Only their ratio matters.
 */
const CONTENT_WEIGHT = 4;
const GENERIC_WEIGHT = 1;

type Term = { readonly key: string; readonly stem: string; readonly weight: number };

const genericStems = (language: Language): ReadonlySet<string> =>
  new Set([...GENERIC_WORDS[language]].map((word) => stem(word, language)));

const GENERIC_STEMS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: genericStems('en'),
  es: genericStems('es'),
  pt: genericStems('pt'),
  fr: genericStems('fr'),
};

/*
 * A plan repeats a few thousand words over and over, so each is analysed once. The cache is a pure
 * memo (results never depend on it) and is emptied when it grows past a bound.
 */
const MAX_CACHED_WORDS = 50_000;
const caches: Readonly<Record<Language, Map<string, Term | null>>> = { en: new Map(), es: new Map(), pt: new Map(), fr: new Map() };

function analyse(word: string, language: Language): Term | null {
  if (word.length < 2 || STOPWORDS[language].has(word)) return null;
  const stemmed = stem(word, language);
  const weight = GENERIC_STEMS[language].has(stemmed) ? GENERIC_WEIGHT : CONTENT_WEIGHT;
  return { key: `${language}:${stemmed}`, stem: stemmed, weight };
}

function term(word: string, language: Language): Term | null {
  const cache = caches[language];
  let found = cache.get(word);
  if (found === undefined) {
    if (cache.size >= MAX_CACHED_WORDS) cache.clear();
    found = analyse(word, language);
    cache.set(word, found);
  }
  return found;
}

/** Features of one paragraph, or null when it is too short to be a proposal. */
export function extractFeatures(paragraph: string): ParagraphFeatures | null {
  const tokens = normalize(paragraph);
  const language = detectLanguage(tokens);
  const terms = new Map<string, number>();
  const sequence: string[] = [];
  let weight = 0;
  for (const token of tokens) {
    const found = term(token, language);
    if (!found) continue;
    sequence.push(found.stem);
    if (terms.has(found.key)) continue;
    terms.set(found.key, found.weight);
    weight += found.weight;
  }
  return terms.size < MIN_TERMS ? null : { language, terms, weight, sequence, text: tokens.join(' ') };
}
