import { TEXT_LANGUAGES, type TextLanguage } from '../shared/text-languages';
import { MIN_TERMS } from './features';
import { normalize } from './normalize';
import { detectParagraphLanguage } from './paragraph-language';
import type { PreparedParagraph } from './types';
import { GENERIC_WEIGHT, wordTerm } from './word-terms';

/**
 * The readings in which paragraphs are compared: one per language, the text itself or a translation.
 * Each has an index; a set of them is a bit mask.
 */
export const READINGS = 4;
export const LANGUAGE_INDEX: Readonly<Record<TextLanguage, number>> = { es: 0, en: 1, pt: 2, fr: 3 };

/** A term of a paragraph: the stem of a content word in one of its readings. */
export type ParagraphTerm = { readonly key: string; readonly reading: number; readonly generic: boolean };

/**
 * What a paragraph is compared by. It is read in its own language and in each translation it carries,
 * and each reading gives its own terms ("es:capacit", "en:train"): two paragraphs are compared in every
 * language in which both can be read. Computed once per paragraph text and kept by the index.
 */
export type ParagraphTerms = {
  readonly language: TextLanguage;
  /** Every token of the original, stop words included: equal texts here are copies. */
  readonly copyText: string;
  /** Distinct terms, reading by reading. */
  readonly terms: readonly ParagraphTerm[];
  /** The readings in which it has terms, as a bit mask of reading indexes. */
  readonly readings: number;
  /** Per reading, its terms' keys in text order, repeats included: its phrasing. */
  readonly sequences: readonly (readonly string[])[];
};

/** A paragraph with its language: given, or detected (the declared one serving for short text). */
export function prepared(paragraph: string | PreparedParagraph, declared?: TextLanguage): PreparedParagraph {
  return typeof paragraph === 'string'
    ? { text: paragraph, language: detectParagraphLanguage(paragraph, declared) }
    : paragraph;
}

function termsIn(text: string, language: TextLanguage, into: ParagraphTerm[], sequence: string[]): number {
  const seen = new Set<string>();
  for (const token of normalize(text)) {
    const term = wordTerm(token, language);
    if (!term) continue;
    sequence.push(term.key);
    if (seen.has(term.key)) continue;
    seen.add(term.key);
    into.push({ key: term.key, reading: LANGUAGE_INDEX[language], generic: term.weight === GENERIC_WEIGHT });
  }
  return seen.size;
}

/** The terms of a paragraph, or null when it is too short to be a proposal (a heading, "See above."). */
export function paragraphTerms(paragraph: PreparedParagraph): ParagraphTerms | null {
  const terms: ParagraphTerm[] = [];
  const sequences: string[][] = Array.from({ length: READINGS }, () => []);
  let readings = 0;
  for (const language of TEXT_LANGUAGES) {
    const text = language === paragraph.language ? paragraph.text : paragraph.translations?.[language];
    if (!text) continue;
    const count = termsIn(text, language, terms, sequences[LANGUAGE_INDEX[language]]!);
    if (language === paragraph.language && count < MIN_TERMS) return null;
    if (count > 0) readings |= 1 << LANGUAGE_INDEX[language];
  }
  return { language: paragraph.language, copyText: normalize(paragraph.text).join(' '), terms, readings, sequences };
}
