import type { TextLanguage } from '../shared/text-languages';
import { WORD_PATTERN } from '../shared/words';
import { normalize } from './normalize';
import { wordTerm } from './word-terms';

const termsOf = (word: string, language: TextLanguage): string[] =>
  normalize(word).flatMap((token) => {
    const term = wordTerm(token, language);
    return term ? [term.key] : [];
  });

/**
 * The words two texts of one language have in common as the detector compares them (same stem, stop
 * words and numbers aside), lower-cased as they are written in each: what the board marks in both to
 * show why they were matched.
 */
export function sharedWords(x: string, y: string, language: TextLanguage): { x: string[]; y: string[] } {
  const stems = (text: string) => new Set((text.match(WORD_PATTERN) ?? []).flatMap((word) => termsOf(word, language)));
  const inY = stems(y);
  const common = new Set([...stems(x)].filter((key) => inY.has(key)));
  const marked = (text: string) => [
    ...new Set(
      (text.match(WORD_PATTERN) ?? [])
        .filter((word) => termsOf(word, language).some((key) => common.has(key)))
        .map((word) => word.toLowerCase()),
    ),
  ];
  return { x: marked(x), y: marked(y) };
}
