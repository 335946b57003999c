import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { bracketedSpans, paragraphStatuses } from '../../db/schema';
import { planSections } from '../consolidation/plan-sections';
import { authorize } from '../permissions/authorize-action';
import { countStatuses, type ParagraphRow, type StatusCounts } from '../shared/paragraph-status';
import { sectionParagraphRows } from './paragraph-statuses';
import { planNumbering } from './plan-numbering';

/** `started`: some paragraph of the plan has (or had) a status or a span in brackets; until then nothing is counted. */
export type PlanProgress = { sections: Record<string, StatusCounts>; overall: StatusCounts; started: boolean };

/** How far the negotiation has come: numbered paragraphs agreed, ad referendum and bracketed, per section and overall. */
export async function planProgress(db: Db, options: { userId: string; planId: string }): Promise<PlanProgress> {
  const { planId } = options;
  await authorize(db, { userId: options.userId, planId, action: { type: 'plan.read' } });
  const sections: Record<string, StatusCounts> = {};
  const all: ParagraphRow[] = [];
  // Counting reads every section's live text: not worth it until the chair has set a status.
  const [status] = await db
    .select({ id: paragraphStatuses.id })
    .from(paragraphStatuses)
    .where(eq(paragraphStatuses.planId, planId))
    .limit(1);
  const [span] = await db
    .select({ id: bracketedSpans.id })
    .from(bracketedSpans)
    .where(eq(bracketedSpans.planId, planId))
    .limit(1);
  if (!status && !span) return { sections, overall: countStatuses([]), started: false };
  const numbering = await planNumbering(db, planId);
  for (const section of await planSections(db, planId)) {
    const rows = await sectionParagraphRows(db, planId, section.id, numbering.get(section.id));
    sections[section.id] = countStatuses(rows);
    all.push(...rows);
  }
  return { sections, overall: countStatuses(all), started: true };
}
