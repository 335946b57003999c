/**
 * Paragraph numbers as delegations cite them ("3.4": section 3, its fourth paragraph; or, when the chair
 * numbers the plan continuously, "17"). Numbers are computed from the text's current shape, never stored
 * or typed, so the editor, every export and every cross-reference agree and follow when a paragraph is
 * inserted or removed above.
 *
 * A numbered paragraph is a top-level paragraph with words in it: blank paragraphs are spacing, and
 * headings, lists, quotes and tables are the paragraphs' furniture, not paragraphs of the plan.
 */
export function isNumbered(nodeName: string, text: string): boolean {
  return nodeName === 'paragraph' && text.trim() !== '';
}

/** The chair's choice: section number + paragraph number ("3.4"), or one operative numbering across the plan ("17"). */
export const NUMBERINGS = ['section', 'continuous'] as const;
export type Numbering = (typeof NUMBERINGS)[number];

/**
 * How one section's paragraphs are numbered: its number in the plan, and, in continuous numbering, how many
 * numbered paragraphs the sections before it hold (null: numbered by section).
 */
export type SectionNumbering = { section: number; continuousFrom: number | null };

/** The paragraph's number: "3.4" by section, or its place in the whole plan ("17") when numbered continuously. */
export function paragraphNumber(numbering: number | SectionNumbering, paragraphIndex: number): string {
  const { section, continuousFrom } =
    typeof numbering === 'number' ? { section: numbering, continuousFrom: null } : numbering;
  return continuousFrom === null ? `${section}.${paragraphIndex + 1}` : String(continuousFrom + paragraphIndex + 1);
}

/** Each section's numbering, given the plan's choice and how many numbered paragraphs each section holds, in order. */
export function sectionNumberings(numbering: Numbering, counts: readonly number[]): SectionNumbering[] {
  let before = 0;
  return counts.map((count, i) => {
    const continuousFrom = numbering === 'continuous' ? before : null;
    before += count;
    return { section: i + 1, continuousFrom };
  });
}
