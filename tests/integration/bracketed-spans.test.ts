import type * as decoding from 'lib0/decoding';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { auditLog } from '../../db/schema';
import { documentText } from '../../lib/documents/paragraphs';
import { exportPlan } from '../../lib/export/export-plan';
import { bracketSpan } from '../../lib/negotiation/bracket-span';
import { planProgress } from '../../lib/negotiation/plan-progress';
import { readSectionNegotiation } from '../../lib/negotiation/section-negotiation';
import { setParagraphStatus } from '../../lib/negotiation/set-paragraph-status';
import { settleBracketedSpan } from '../../lib/negotiation/settle-bracketed-span';
import { AMENDMENTS_MESSAGE, readAmendmentsMessage } from '../../lib/shared/app-messages';
import type { BracketedSpanView } from '../../lib/shared/bracketed-spans';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { zipParts } from '../helpers/exported-files';
import { passageOf } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';

const FIRST = 'Peru introduces the section.';
const SECOND = 'States shall train police officers in human rights.';
const THIRD = 'Training is evaluated every two years.';

describe('spans in brackets, with alternatives side by side', () => {
  const t = useCollabServer();
  const db = () => t.db;
  const cleanup: Array<() => void> = [];
  let plan: BuiltPlan;
  let peru: BuiltMember, mexico: BuiltMember, observer: BuiltMember;
  let police: BuiltSection;

  beforeAll(async () => {
    plan = await buildPlan(db(), { phase: 'consolidation' });
    peru = await buildMember(db(), { plan, state: 'PER' });
    mexico = await buildMember(db(), { plan, state: 'MEX' });
    observer = await buildMember(db(), { plan, role: 'observer' });
    police = await buildSection(db(), { plan, lead: peru, text: [FIRST, SECOND, THIRD] });
  });

  afterAll(() => {
    for (const close of cleanup.splice(0)) close();
  });

  /** A section page's stock provider and the spans it is sent live. */
  const openSection = async (cookie: string) => {
    const page = openProvider(t.server.url, police.room, cookie);
    cleanup.push(() => page.provider.destroy());
    const lists: BracketedSpanView[][] = [];
    page.provider.messageHandlers[AMENDMENTS_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      lists.push((readAmendmentsMessage(decoder) as { spans: BracketedSpanView[] }).spans);
    };
    await waitForSync(page.provider);
    return { ...page, latest: () => lists.at(-1) ?? [] };
  };

  const passage = passageOf;

  const bracket = (
    who: { id: string },
    doc: Y.Doc,
    words: string,
    alternatives: Array<{ text: string; state: string | null }>,
  ) => bracketSpan(db(), { userId: who.id, sectionId: police.id, input: { ...passage(doc, words), alternatives } });

  const exportAs = async (format: string) =>
    Buffer.from((await exportPlan(db(), { userId: peru.id, planId: plan.id, format, language: 'en' })).body).toString(
      'utf8',
    );

  it('the chair brackets "shall" with Mexico’s "should"; pages see it live, the exports print [shall][should]', async () => {
    const peruPage = await openSection(peru.cookie);
    await bracket(plan.chair, peruPage.doc, 'shall', [{ text: 'should', state: 'MEX' }]);
    await eventually(() =>
      expect(peruPage.latest()).toMatchObject([
        { paragraph: '1.2', text: 'shall', changed: false, alternatives: [{ text: 'should', state: 'MEX' }] },
      ]),
    );
    // The text itself is untouched: the brackets are a record, drawn around it.
    expect(documentText(peruPage.doc)).toContain(SECOND);

    // Only the chair brackets: not the section's lead, another coordinator or an observer.
    for (const who of [peru, mexico, observer])
      await expect(
        bracket(who, peruPage.doc, 'police', [{ text: 'law enforcement', state: null }]),
      ).rejects.toMatchObject({
        code: 'forbidden',
      });
    // Nor over a span already in brackets, nor across paragraphs.
    await expect(bracket(plan.chair, peruPage.doc, 'States shall', [])).rejects.toMatchObject({ code: 'conflict' });

    // The paragraph counts as bracketed, and cannot be agreed while it has words in brackets.
    const progress = await planProgress(db(), { userId: observer.id, planId: plan.id });
    expect(progress.sections[police.id]).toEqual({ numbered: 3, agreed: 0, adReferendum: 0, bracketed: 1 });
    await expect(
      setParagraphStatus(db(), {
        userId: plan.chair.id,
        sectionId: police.id,
        input: { at: passage(peruPage.doc, 'train').from, status: 'agreed', adRefStates: [] },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });

    const html = await exportAs('html');
    expect(html).toContain('States [shall][should] train police');
    expect(html).toContain('“should” in place of “shall”: proposed by Mexico.');
    expect(await exportAs('md')).toContain('States \\[shall\\]\\[should\\] train police');
    expect(await exportAs('akn')).toContain('States [shall][should] train police');
    const docx = await zipParts(
      (await exportPlan(db(), { userId: peru.id, planId: plan.id, format: 'docx', language: 'en' })).body,
      /^word\/document\.xml$/,
    );
    expect(docx.replace(/<[^>]+>/g, '')).toContain('States [shall][should] train police');

    // Every member reads them with the statuses.
    const read = await readSectionNegotiation(db(), { userId: observer.id, sectionId: police.id });
    expect(read.spans).toHaveLength(1);
    expect(read.paragraphs.find((p) => p.paragraph === '1.2')?.bracketedSpans).toBe(1);
  });

  it('resolving keeps one wording as plain text, live, in the name of the chair; removing brackets keeps the words', async () => {
    const page = await openSection(plan.chair.cookie);
    const [span] = page.latest().length
      ? page.latest()
      : (await readSectionNegotiation(db(), { userId: plan.chair.id, sectionId: police.id })).spans;
    await expect(
      settleBracketedSpan(db(), { userId: peru.id, spanId: span!.id, input: { action: 'resolve', keep: 1 } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await settleBracketedSpan(db(), { userId: plan.chair.id, spanId: span!.id, input: { action: 'resolve', keep: 1 } });
    await eventually(() => expect(documentText(page.doc)).toContain('States should train police'));
    await eventually(() => expect(page.latest()).toEqual([]));
    expect(await exportAs('html')).toContain('States should train police');
    expect(await exportAs('html')).not.toContain('[should]');

    // Bracketed alone, then unbracketed: the words stay as they are.
    const { id } = await bracket(plan.chair, page.doc, 'every two years', []);
    await eventually(() => expect(page.latest()).toMatchObject([{ text: 'every two years', alternatives: [] }]));
    expect(await exportAs('html')).toContain('evaluated [every two years].');
    await settleBracketedSpan(db(), { userId: plan.chair.id, spanId: id, input: { action: 'unbracket' } });
    await eventually(() => expect(page.latest()).toEqual([]));
    expect(documentText(page.doc)).toContain(THIRD);

    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.planId, plan.id), like(auditLog.action, 'paragraph.span_%')));
    expect(audit.map((a) => a.action)).toEqual([
      'paragraph.span_bracketed',
      'paragraph.span_resolved',
      'paragraph.span_bracketed',
      'paragraph.span_unbracketed',
    ]);
  });

  it('an agreed paragraph refuses brackets', async () => {
    const page = await openSection(plan.chair.cookie);
    await setParagraphStatus(db(), {
      userId: plan.chair.id,
      sectionId: police.id,
      input: { at: passage(page.doc, 'introduces').from, status: 'agreed', adRefStates: [] },
    });
    await expect(bracket(plan.chair, page.doc, 'introduces', [{ text: 'opens', state: 'PER' }])).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
