import type { Db } from '../../db/client';
import { planSections, type PlanSection } from '../consolidation/plan-sections';
import { documentHost } from '../documents/live-documents';
import { textBlocks } from '../documents/paragraphs';
import { authorize } from '../permissions/authorize-action';
import { findAll } from '../shared/find-text';
import { sectionRoom } from '../shared/rooms';

/** One paragraph where the text was found: its section, its place among the section's blocks, and the first match in context. */
export type SearchHit = {
  section: PlanSection;
  block: number;
  before: string;
  match: string;
  after: string;
  matches: number;
};

/** Paragraphs listed at most; the count says how many there were. */
const MAX_HITS = 200;
const CONTEXT = 80;

/**
 * The paragraphs of every section of the plan that hold `query` (case and accents ignored), in the
 * plan's order, as they are now. For anyone who may read the plan.
 */
export async function searchPlan(
  db: Db,
  options: { userId: string; planId: string; query: string },
): Promise<{ hits: SearchHit[]; paragraphs: number }> {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'plan.read' } });
  const hits: SearchHit[] = [];
  for (const section of await planSections(db, options.planId)) {
    const blocks = await documentHost().read(sectionRoom(section.id), (doc) => textBlocks(doc).map((b) => b.text));
    blocks.forEach((text, block) => {
      const found = findAll(text, options.query);
      if (!found.length) return;
      const { from, to } = found[0]!;
      hits.push({
        section,
        block,
        before: clip(text.slice(0, from), 'start'),
        match: text.slice(from, to),
        after: clip(text.slice(to), 'end'),
        matches: found.length,
      });
    });
  }
  return { hits: hits.slice(0, MAX_HITS), paragraphs: hits.length };
}

/** The context next to a match, cut at a word and marked where it is cut. */
function clip(text: string, keep: 'start' | 'end'): string {
  if (text.length <= CONTEXT) return text;
  if (keep === 'start') return `…${text.slice(text.length - CONTEXT).replace(/^\S*\s/, '')}`;
  return `${text.slice(0, CONTEXT).replace(/\s\S*$/, '')}…`;
}
