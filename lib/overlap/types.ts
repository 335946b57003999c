import type { TextLanguage } from '../shared/text-languages';

export type OverlapKind = 'copy' | 'paraphrase' | 'containment';

/**
 * A paragraph ready to compare: its text, its language, and its machine translations into the
 * comparison languages (Spanish, the pivot, and English), when translation is available. Without
 * translations a paragraph meets only paragraphs of its own language.
 */
export type PreparedParagraph = {
  readonly text: string;
  readonly language: TextLanguage;
  readonly translations?: Partial<Record<TextLanguage, string>>;
};

/**
 * A section as text: its paragraphs and list items, and the language its coordinator declared (a short
 * or unclear paragraph is taken to be in it; the others' language is detected).
 */
export type PlanSection = { readonly id: string; readonly lang?: TextLanguage; readonly paragraphs: readonly string[] };

/** A section whose paragraphs may come prepared (language known, translations attached). */
export type PreparedSection = {
  readonly id: string;
  readonly lang?: TextLanguage;
  readonly paragraphs: readonly (string | PreparedParagraph)[];
};

/** A plan as the detector sees it: sections in any order. */
export type PlanText = { readonly sections: readonly PreparedSection[] };

/** A paragraph by its section id and its index in that section's paragraphs. */
export type ParagraphRef = { readonly section: string; readonly paragraph: number };

/** Two paragraphs of different sections that propose the same thing; `a` sorts before `b`. */
export type Overlap = {
  readonly a: ParagraphRef;
  readonly b: ParagraphRef;
  /** In [0, 1], rounded to three decimals so that results compare and print stably. */
  readonly score: number;
  readonly kind: OverlapKind;
};

export type OverlapOptions = {
  /**
   * Lowest score reported, in (0, 1]. The default was chosen on the tuning part of the labelled plans
   * in tests/fixtures/overlap-eval: lower finds more paraphrases but lets in proposals that share only
   * their topic; higher keeps little more than close paraphrases and copies.
   */
  readonly threshold?: number;
};
