import type { OverlapKind } from './similarity';

export type PlanSection = { readonly id: string; readonly paragraphs: readonly string[] };

/** A plan as the detector sees it: sections in any order, each a list of paragraphs and list items. */
export type PlanText = { readonly sections: readonly PlanSection[] };

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
   * Lowest score reported, in (0, 1]. The default was chosen on the labelled pairs in
   * tests/fixtures/overlap: lower finds more paraphrases but lets in proposals that share only
   * their topic; higher keeps little more than copies.
   */
  readonly threshold?: number;
};
