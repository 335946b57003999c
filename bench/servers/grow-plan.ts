import { and, asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { planMembers, plans, sections } from '../../db/schema';
import { DEMO_PLAN_TITLE } from '../../db/seed';
import { documentHost } from '../../lib/documents/live-documents';
import { createSection } from '../../lib/plans/create-section';
import { deleteSection } from '../../lib/plans/delete-section';
import { OAS_MEMBER_STATES } from '../../lib/shared/member-states';
import { EDITOR_FIELD, sectionRoom } from '../../lib/shared/rooms';
import { syntheticPlan, type PlanSize } from '../plan-text';

export type GrownPlan = { planId: string; userId: string; titles: string[]; words: number };

/** The demo plan with exactly `size.sections` sections, the synthetic plan's text added to each by the chair. */
export async function growPlan(db: Db, size: PlanSize): Promise<GrownPlan> {
  const [chair] = await db
    .select({ planId: plans.id, userId: planMembers.userId })
    .from(plans)
    .innerJoin(planMembers, eq(planMembers.planId, plans.id))
    .where(and(eq(plans.title, DEMO_PLAN_TITLE), eq(planMembers.role, 'chair')));
  if (!chair) throw new Error('the demo plan was not seeded');
  const { planId, userId } = chair;
  const seeded = await db.select({ id: sections.id }).from(sections).where(eq(sections.planId, planId));
  for (const extra of seeded.slice(size.sections)) await deleteSection(db, { actorId: userId, sectionId: extra.id });
  for (const [code, name] of OAS_MEMBER_STATES.slice(0, Math.max(0, size.sections - seeded.length))) {
    await createSection(db, {
      actorId: userId,
      planId,
      input: { title: `Contribution of ${name}`, leadState: code, coEditingStates: [] },
    });
  }
  const rows = await db
    .select({ id: sections.id, title: sections.title })
    .from(sections)
    .where(eq(sections.planId, planId))
    .orderBy(asc(sections.position));
  const text = syntheticPlan(size);
  let words = 0;
  for (const [i, row] of rows.entries()) {
    await documentHost().change(sectionRoom(row.id), userId, (copy) => {
      words += draft(copy, text[i]?.paragraphs ?? []);
    });
  }
  return { planId, userId, titles: rows.map((r) => r.title), words };
}

/**
 * The paragraphs as a section is drafted: a heading every six paragraphs, each paragraph with a bold
 * lead-in, and every sixth one as a bulleted list of its sentences followed by a table. Returns the words written.
 */
function draft(doc: Y.Doc, paragraphs: readonly string[]): number {
  let words = 0;
  const text = (value: string, bold = false) => {
    words += value.split(' ').filter(Boolean).length;
    const t = new Y.XmlText();
    t.insert(0, value, bold ? { bold: {} } : {});
    return t;
  };
  const element = (name: string, children: Array<Y.XmlElement | Y.XmlText>, attrs: Record<string, string> = {}) => {
    const el = new Y.XmlElement(name);
    for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
    el.insert(0, children);
    return el;
  };
  const inParagraph = (value: string) => element('paragraph', [text(value)]);
  const blocks: Y.XmlElement[] = [];
  for (const [i, paragraph] of paragraphs.entries()) {
    if (i % 6 === 0) blocks.push(element('heading', [text(`Measure ${i / 6 + 1}`)], { level: '2' }));
    if (i % 6 !== 3) {
      blocks.push(element('paragraph', [text('Commitment. ', true), text(paragraph)]));
      continue;
    }
    const sentences = paragraph.split(/(?<=\.) /);
    blocks.push(
      element(
        'bulletList',
        sentences.map((s) => element('listItem', [inParagraph(s)])),
      ),
    );
    const row = (r: number) =>
      element(
        'tableRow',
        [`Action ${r + 1}`, '2027', sentences[r % sentences.length]!].map((cell) =>
          element('tableCell', [inParagraph(cell)]),
        ),
      );
    blocks.push(element('table', [0, 1, 2].map(row)));
  }
  doc.getXmlFragment(EDITOR_FIELD).push(blocks);
  return words;
}
