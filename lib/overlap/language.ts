import { STOPWORDS } from './stopwords';

/** The official languages of the OAS, in the order used to break ties when detecting a language. */
const LANGUAGES = ['en', 'es', 'pt', 'fr'] as const;

export type Language = (typeof LANGUAGES)[number];

/** For each stop word, the indexes of the languages that have it ("de" is Spanish, Portuguese and French). */
const LANGUAGES_OF = new Map<string, number[]>();
LANGUAGES.forEach((language, index) => {
  for (const word of STOPWORDS[language]) LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), index]);
});

/**
 * The language whose stop words occur most often among the tokens. Policy paragraphs are full of
 * function words, so this is enough to pick the stop-word list and stemmer; a paragraph without any
 * (a bare heading) falls back to English.
 */
export function detectLanguage(tokens: readonly string[]): Language {
  const counts = LANGUAGES.map(() => 0);
  for (const token of tokens) {
    for (const index of LANGUAGES_OF.get(token) ?? []) counts[index] = (counts[index] ?? 0) + 1;
  }
  const best = counts.reduce((bestIndex, count, index) => (count > (counts[bestIndex] ?? 0) ? index : bestIndex), 0);
  return LANGUAGES[best] ?? 'en';
}
