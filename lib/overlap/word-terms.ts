import type { Language } from './language';
import { stem } from './stem';
import { GENERIC_WORDS, STOPWORDS } from './stopwords';

/*
 * Integers, so that sums of weights are exact: a pair then scores the same whichever paragraph is
 * summed first, which keeps incremental and full analysis identical. Only their ratio matters.
 */
export const CONTENT_WEIGHT = 4;
export const GENERIC_WEIGHT = 1;

/** A content word as compared: its stem, keyed by language, and whether it is generic plan vocabulary. */
export type Term = { readonly key: string; readonly stem: string; readonly weight: number };

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
const caches: Readonly<Record<Language, Map<string, Term | null>>> = {
  en: new Map(),
  es: new Map(),
  pt: new Map(),
  fr: new Map(),
};

function analyse(word: string, language: Language): Term | null {
  // Numbers ("2030", "95") say little about what is proposed and MT leaves them as they are.
  if (word.length < 2 || STOPWORDS[language].has(word) || /^\d+$/.test(word)) return null;
  const stemmed = stem(word, language);
  const weight = GENERIC_STEMS[language].has(stemmed) ? GENERIC_WEIGHT : CONTENT_WEIGHT;
  return { key: `${language}:${stemmed}`, stem: stemmed, weight };
}

/** The term a word gives in a language, or null for a stop word or a number. */
export function wordTerm(word: string, language: Language): Term | null {
  const cache = caches[language];
  let found = cache.get(word);
  if (found === undefined) {
    if (cache.size >= MAX_CACHED_WORDS) cache.clear();
    found = analyse(word, language);
    cache.set(word, found);
  }
  return found;
}
