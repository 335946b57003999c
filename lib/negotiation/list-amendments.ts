import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { amendments, sections } from '../../db/schema';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import type { AmendmentView } from '../shared/amendments';
import { amendmentViews } from './amendment-views';

/** A section's amendments, in the order proposed, for any member of its plan. */
export async function listSectionAmendments(
  db: Db,
  options: { userId: string; sectionId: string },
): Promise<AmendmentView[]> {
  const [section] = await db
    .select({ planId: sections.planId })
    .from(sections)
    .where(eq(sections.id, options.sectionId));
  if (!section) throw appError('not_found', 'sectionNotFound');
  await authorize(db, { userId: options.userId, planId: section.planId, action: { type: 'plan.read' } });
  return sectionAmendments(db, section.planId, options.sectionId);
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
