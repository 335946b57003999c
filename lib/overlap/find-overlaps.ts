import { AppError } from '../errors';
import { OverlapIndex } from './overlap-index';
import type { Overlap, OverlapOptions, PlanText } from './types';

/**
 * Paragraphs of different sections of one plan that propose the same thing, best match first.
 * The same plan gives the same list whatever the order of its sections.
 */
export function findOverlaps(plan: PlanText, options: OverlapOptions = {}): Overlap[] {
  const index = new OverlapIndex(options);
  const seen = new Set<string>();
  for (const { id, paragraphs } of plan.sections) {
    if (seen.has(id)) throw new AppError('invalid', `Section id "${id}" appears twice`);
    seen.add(id);
    index.setSection(id, paragraphs);
  }
  return index.overlaps();
}
