import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planMetadata } from '../../db/schema';
import { authorize } from '../permissions/authorize-action';
import { EMPTY_PLAN_METADATA, type OriginalLanguage, type PlanMetadata } from '../shared/plan-metadata';

/** The plan's document block, for any member; a plan whose chair has not filled it in gets empty lines. */
export async function getPlanMetadata(db: Db, options: { userId: string; planId: string }): Promise<PlanMetadata> {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'plan.read' } });
  return readPlanMetadata(db, options.planId);
}

/** The document block without a permission check, for callers that have already authorized. */
export async function readPlanMetadata(db: Db, planId: string): Promise<PlanMetadata> {
  const [row] = await db.select().from(planMetadata).where(eq(planMetadata.planId, planId));
  if (!row) return EMPTY_PLAN_METADATA;
  return {
    council: row.council,
    committee: row.committee,
    workingGroup: row.workingGroup,
    symbol: row.symbol,
    date: row.date,
    originalLanguage: row.originalLanguage as OriginalLanguage,
    language: row.language as OriginalLanguage,
    paperSize: row.paperSize === 'a4' ? 'a4' : 'letter',
    numbering: row.numbering === 'continuous' ? 'continuous' : 'section',
  };
}
