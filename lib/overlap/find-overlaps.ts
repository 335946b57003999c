import { AppError } from '../errors';
import { OverlapIndex } from './overlap-index';
import { prepared } from './paragraph-terms';
import type { Overlap, OverlapOptions, PlanText, PreparedSection } from './types';

/** Refuses a plan in which two sections share an id: their overlaps could not be told apart. */
export function checkSectionIds(sections: readonly { id: string }[]): void {
  const seen = new Set<string>();
  for (const { id } of sections) {
    if (seen.has(id)) throw new AppError('invalid', `Section id "${id}" appears twice`);
    seen.add(id);
  }
}

/** A section's paragraphs with their language settled, the declared one serving for short ones. */
export const sectionParagraphs = (section: PreparedSection) =>
  section.paragraphs.map((paragraph) => prepared(paragraph, section.lang));

/**
 * Paragraphs of different sections of one plan that propose the same thing, best match first.
 * Paragraphs given as text meet only those of their own language; prepared ones carrying
 * translations (see analysePlan) meet across languages. The same plan gives the same list whatever
 * the order of its sections.
 */
export function findOverlaps(plan: PlanText, options: OverlapOptions = {}): Overlap[] {
  checkSectionIds(plan.sections);
  const index = new OverlapIndex(options);
  index.setSections(plan.sections.map((section) => ({ id: section.id, paragraphs: sectionParagraphs(section) })));
  return index.overlaps();
}
