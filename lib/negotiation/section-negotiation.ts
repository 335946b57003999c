import type { Db } from '../../db/client';
import { authorize } from '../permissions/authorize-action';
import { sectionPlan } from '../plans/find-section-plan';
import type { BracketedSpanView } from '../shared/bracketed-spans';
import type { SectionNumbering } from '../shared/paragraph-numbers';
import type { ParagraphRow } from '../shared/paragraph-status';
import { sectionSpanViews } from './bracketed-spans';
import { sectionParagraphRows } from './paragraph-statuses';
import { planNumbering } from './plan-numbering';
import { referencedNumbers } from './referenced-numbers';

/**
 * Where a section's text stands in the negotiation, as its pages show it: its numbered paragraphs with
 * their statuses, its spans in brackets, how the plan numbers its paragraphs, and the numbers its
 * cross-references stand for now.
 */
export type SectionNegotiation = {
  paragraphs: ParagraphRow[];
  spans: BracketedSpanView[];
  numbering: SectionNumbering;
  /** The numbers of the merged paragraphs its cross-references point to, by merge id (referenced-numbers.ts). */
  references: Record<string, string>;
};

/** The section's negotiation, for any member of its plan (GET /api/sections/:id/paragraph-status). */
export async function readSectionNegotiation(
  db: Db,
  options: { userId: string; sectionId: string },
): Promise<SectionNegotiation> {
  const planId = await sectionPlan(db, options.sectionId);
  await authorize(db, { userId: options.userId, planId, action: { type: 'plan.read' } });
  return sectionNegotiation(db, planId, options.sectionId);
}

/** The section's negotiation with no one's permission checked: for the collaboration server, whose sockets are. */
export async function sectionNegotiation(db: Db, planId: string, sectionId: string): Promise<SectionNegotiation> {
  const numberings = await planNumbering(db, planId);
  const numbering = numberings.get(sectionId) ?? { section: 0, continuousFrom: null };
  const [paragraphs, spans, references] = await Promise.all([
    sectionParagraphRows(db, planId, sectionId, numbering),
    sectionSpanViews(db, sectionId, numbering),
    referencedNumbers(db, planId, sectionId, numberings),
  ]);
  return { paragraphs, spans, numbering, references };
}
