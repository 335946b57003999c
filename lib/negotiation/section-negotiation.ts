import type { Db } from '../../db/client';
import { authorize } from '../permissions/authorize-action';
import { sectionPlan } from '../plans/find-section-plan';
import type { BracketedSpanView } from '../shared/bracketed-spans';
import type { SectionNumbering } from '../shared/paragraph-numbers';
import type { ParagraphRow } from '../shared/paragraph-status';
import { sectionSpanViews } from './bracketed-spans';
import { sectionParagraphRows } from './paragraph-statuses';
import { sectionNumbering } from './plan-numbering';

/**
 * Where a section's text stands in the negotiation, as its pages show it: its numbered paragraphs with
 * their statuses, its spans in brackets, and how the plan numbers its paragraphs.
 */
export type SectionNegotiation = {
  paragraphs: ParagraphRow[];
  spans: BracketedSpanView[];
  numbering: SectionNumbering;
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
  const numbering = await sectionNumbering(db, planId, sectionId);
  const [paragraphs, spans] = await Promise.all([
    sectionParagraphRows(db, planId, sectionId, numbering),
    sectionSpanViews(db, sectionId, numbering),
  ]);
  return { paragraphs, spans, numbering };
}
