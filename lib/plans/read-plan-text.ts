import type { Db } from '../../db/client';
import { openOverlapViews } from '../consolidation/list-overlaps';
import type { PlanDocument } from '../export/blocks';
import { compilePlan } from '../export/plan-document';
import type { Locale } from '../i18n/locales';

/** An open overlap as the plan on one page marks it: the paragraph in this section, and the passage it overlaps with. */
export type OverlapMark = {
  overlapId: string;
  sectionId: string;
  /** The paragraph's text when the overlap was found, to find it among the section's paragraphs. */
  paragraph: string;
  other: { sectionId: string; sectionNumber: number; sectionTitle: string; stateCode: string };
};

export type PlanText = {
  document: PlanDocument;
  overlaps: OverlapMark[];
};

/**
 * The whole current plan for reading on one page, for any member: the compiled text (numbered as the
 * exports number it) with each run's author, and the open overlaps to mark. `language`: the reader's,
 * for the words the text carries (co-sponsorship marks).
 */
export async function readPlanText(
  db: Db,
  options: { userId: string; planId: string; language: Locale },
): Promise<PlanText> {
  const document = await compilePlan(db, { ...options, authorship: true });
  const open = await openOverlapViews(db, options.planId);
  const overlaps = open.flatMap((o) =>
    [
      [o.a, o.b],
      [o.b, o.a],
    ].map(([mine, theirs]) => ({
      overlapId: o.id,
      sectionId: mine!.sectionId,
      paragraph: mine!.text,
      other: {
        sectionId: theirs!.sectionId,
        sectionNumber: theirs!.sectionNumber,
        sectionTitle: theirs!.sectionTitle,
        stateCode: theirs!.state.code,
      },
    })),
  );
  return { document, overlaps };
}
