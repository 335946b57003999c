import type { Db } from '../../db/client';
import { planSections } from '../consolidation/plan-sections';
import { authorize } from '../permissions/authorize-action';
import { countStatuses, type ParagraphRow, type StatusCounts } from '../shared/paragraph-status';
import { sectionParagraphRows } from './paragraph-statuses';

export type PlanProgress = { sections: Record<string, StatusCounts>; overall: StatusCounts };

/** How far the negotiation has come: numbered paragraphs agreed, ad referendum and bracketed, per section and overall. */
export async function planProgress(db: Db, options: { userId: string; planId: string }): Promise<PlanProgress> {
  const { planId } = options;
  await authorize(db, { userId: options.userId, planId, action: { type: 'plan.read' } });
  const sections: Record<string, StatusCounts> = {};
  const all: ParagraphRow[] = [];
  for (const section of await planSections(db, planId)) {
    const rows = await sectionParagraphRows(db, planId, section.id);
    sections[section.id] = countStatuses(rows);
    all.push(...rows);
  }
  return { sections, overall: countStatuses(all) };
}
