import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sections } from '../../db/schema';
import { appError } from '../i18n/error-text';

/** The plan a section belongs to; not_found when there is no such section. */
export async function sectionPlan(db: Db, sectionId: string): Promise<string> {
  const [section] = await db.select({ planId: sections.planId }).from(sections).where(eq(sections.id, sectionId));
  if (!section) throw appError('not_found', 'sectionNotFound');
  return section.planId;
}
