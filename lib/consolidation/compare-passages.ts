import { detectParagraphLanguage, sharedWords } from '../overlap';
import type { TextLanguage } from '../shared/text-languages';
import type { Translator } from '../translation';

/**
 * One passage of an overlap as the chair compares it: its language, its machine translation into the
 * reader's language (null when it is written in it, or translation is off), and the words to mark in
 * each as shared with the other passage.
 */
export type PassageReading = {
  language: TextLanguage;
  translation: string | null;
  /** Lower-cased words of the original shared with the other passage read in the same language. */
  marked: string[];
  /** The same for the translation. */
  translationMarked: string[];
};

/** Why two passages were matched, for a reader of language `into`. */
export type OverlapComparison = { into: TextLanguage; a: PassageReading; b: PassageReading };

type Pair = { a: string; b: string };

/**
 * Readings of overlaps for a reader of one language: each passage not written in it gets its machine
 * translation (one batch per source language, through the translator's caches), and the words shared
 * are marked where both passages can be read in one language: in the reader's (an original or a
 * translation on each side), and in the originals when the two share a language.
 */
export async function comparePassages(
  pairs: readonly Pair[],
  into: TextLanguage,
  translator: Translator | null,
): Promise<OverlapComparison[]> {
  const languageOf = (text: string) => detectParagraphLanguage(text);
  const toTranslate = new Map<TextLanguage, Set<string>>();
  for (const text of pairs.flatMap((p) => [p.a, p.b])) {
    const language = languageOf(text);
    if (language === into) continue;
    toTranslate.set(language, (toTranslate.get(language) ?? new Set()).add(text));
  }
  const translated = new Map<string, string>();
  for (const [from, texts] of toTranslate) {
    if (!translator || !(await translator.status(from, into)).available) continue;
    const list = [...texts];
    // A stalled pipeline costs the board its translations this time, not its list.
    const out = await translator.translate(list, from, into).catch(() => null);
    list.forEach((text, i) => out && translated.set(`${from}\u0000${text}`, out[i]!));
  }
  return pairs.map(({ a, b }) => {
    const reading = (text: string) => {
      const language = languageOf(text);
      return { language, translation: language === into ? null : (translated.get(`${language}\u0000${text}`) ?? null) };
    };
    const x = reading(a);
    const y = reading(b);
    const inReaders = (text: string, r: typeof x) => (r.language === into ? text : r.translation);
    const readerX = inReaders(a, x);
    const readerY = inReaders(b, y);
    const there = readerX !== null && readerY !== null ? sharedWords(readerX, readerY, into) : { x: [], y: [] };
    const original = x.language === y.language ? sharedWords(a, b, x.language) : { x: [], y: [] };
    return {
      into,
      a: { ...x, marked: x.language === into ? there.x : original.x, translationMarked: x.translation ? there.x : [] },
      b: { ...y, marked: y.language === into ? there.y : original.y, translationMarked: y.translation ? there.y : [] },
    };
  });
}
