import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { sectionCoEditors, sections } from '../../db/schema';
import { readPlanMetadata } from '../metadata/get-plan-metadata';
import { planMetadataInput, type PlanMetadata } from '../shared/plan-metadata';

/** What a section is outside its text: the heading and attribution the compiled plan prints. */
export type SectionLayout = {
  id: string;
  title: string;
  leadState: string;
  coEditingStates: string[];
  /** Where it stands in the plan; only the order counts (deleting a section leaves a gap). */
  position: number;
};

/** Everything around the plan's texts: the document block and the sections, in order of position. */
export type PlanLayout = { metadata: PlanMetadata; sections: SectionLayout[] };

/** The plan as it is now. */
export async function currentLayout(db: Db, planId: string): Promise<PlanLayout> {
  const rows = await db.select().from(sections).where(eq(sections.planId, planId)).orderBy(asc(sections.position));
  const coEditors = rows.length
    ? await db
        .select()
        .from(sectionCoEditors)
        .where(
          inArray(
            sectionCoEditors.sectionId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return {
    metadata: await readPlanMetadata(db, planId),
    sections: rows.map((row) => ({
      id: row.id,
      title: row.title,
      leadState: row.leadState,
      coEditingStates: coEditors
        .filter((c) => c.sectionId === row.id)
        .map((c) => c.stateCode)
        .sort(),
      position: row.position,
    })),
  };
}

/** A layout as stored with a plan version (jsonb), checked when read back. */
export const storedLayout = z.object({
  metadata: planMetadataInput,
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      leadState: z.string(),
      coEditingStates: z.array(z.string()),
      position: z.number(),
    }),
  ),
});
