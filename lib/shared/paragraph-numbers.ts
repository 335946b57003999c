/**
 * Paragraph numbers as delegations cite them ("3.4": section 3, its fourth paragraph). Numbers are
 * computed from the text's current shape, never stored or typed, so the editor, every export and
 * every cross-reference agree and follow when a paragraph is inserted or removed above.
 *
 * A numbered paragraph is a top-level paragraph with words in it: blank paragraphs are spacing, and
 * headings, lists, quotes and tables are the paragraphs' furniture, not paragraphs of the plan.
 */
export function isNumbered(nodeName: string, text: string): boolean {
  return nodeName === 'paragraph' && text.trim() !== '';
}

/** "3.4": the section's number in the plan, then the paragraph's among the section's numbered ones. */
export function paragraphNumber(sectionNumber: number, paragraphIndex: number): string {
  return `${sectionNumber}.${paragraphIndex + 1}`;
}
