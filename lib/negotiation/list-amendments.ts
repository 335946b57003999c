import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { amendments } from '../../db/schema';
import { authorize } from '../permissions/authorize-action';
import { sectionPlan } from '../plans/find-section-plan';
import type { AmendmentView } from '../shared/amendments';
import { amendmentViews } from './amendment-views';

/** A section's amendments, in the order proposed, for any member of its plan. */
export async function listSectionAmendments(
  db: Db,
  options: { userId: string; sectionId: string },
): Promise<AmendmentView[]> {
  const planId = await sectionPlan(db, options.sectionId);
  await authorize(db, { userId: options.userId, planId, action: { type: 'plan.read' } });
  return sectionAmendments(db, planId, options.sectionId);
}

/** A section's amendments with no one's permission checked: for the collaboration server, whose sockets are. */
export async function sectionAmendments(db: Db, planId: string, sectionId: string): Promise<AmendmentView[]> {
  const rows = await db
    .select()
    .from(amendments)
    .where(eq(amendments.sectionId, sectionId))
    .orderBy(asc(amendments.number));
  return amendmentViews(db, planId, rows);
}

/** A plan's amendments across its sections, in the order proposed, for any member of the plan. */
export async function listPlanAmendments(
  db: Db,
  options: { userId: string; planId: string },
): Promise<AmendmentView[]> {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'plan.read' } });
  const rows = await db
    .select()
    .from(amendments)
    .where(eq(amendments.planId, options.planId))
    .orderBy(asc(amendments.number));
  return amendmentViews(db, options.planId, rows);
}
