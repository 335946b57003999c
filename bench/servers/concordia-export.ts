import { and, asc, eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { planMembers, plans, sections } from '../../db/schema';
import { DEMO_PLAN_TITLE } from '../../db/seed';
import { documentHost } from '../../lib/documents/live-documents';
import { config } from '../../lib/env';
import { exportPlan } from '../../lib/export/export-plan';
import { pdfUnavailable } from '../../lib/export/to-pdf';
import { createSection } from '../../lib/plans/create-section';
import { deleteSection } from '../../lib/plans/delete-section';
import { OAS_MEMBER_STATES } from '../../lib/shared/member-states';
import { EDITOR_FIELD, sectionRoom } from '../../lib/shared/rooms';
import { startServer } from '../../server/start';
import type { ExportFormat } from '../options';
import { syntheticPlan } from '../plan-text';
import type { ExportFormatRun, ExportJob, ExportReply, ExportRun } from './concordia-export-ipc';

/**
 * One round of the export scenario in a process of its own: Concordia's server (startServer, without
 * Next.js) on the new database the orchestrator made and configured in the environment, the demo plan
 * grown to the synthetic plan, then a fresh server that exports it in every format. The job comes as
 * the first argument, the reply on the IPC channel; the orchestrator stops the process after it.
 */
const job = JSON.parse(process.argv[2] ?? '') as ExportJob;
process.on('SIGTERM', () => process.exit(0));
process.on('disconnect', () => process.exit(1));
run(job).then(
  (result) => process.send?.({ ok: true, run: result } satisfies ExportReply),
  (error: unknown) =>
    process.send?.({
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies ExportReply),
);

async function run({ plan: size, runs, formats }: ExportJob): Promise<ExportRun> {
  const missingChromium = formats.includes('pdf') ? pdfUnavailable() : null;
  const exported = missingChromium ? formats.filter((f) => f !== 'pdf') : formats;
  const drafting = await startServer({ config: config(), port: 0, seed: true });
  const started = performance.now();
  const grown = await growPlan(drafting.database.db, size).finally(() => drafting.close());
  const draftMs = performance.now() - started;
  // A fresh server: the first export loads every document from the database, as after a quiet period.
  const server = await startServer({ config: config(), port: 0, seed: false });
  try {
    const results: ExportFormatRun[] = [];
    for (const format of exported) results.push(await measure(server.database.db, grown, format, runs));
    return {
      sections: grown.titles.length,
      words: grown.words,
      draftMs,
      pdfUnavailable: missingChromium,
      formats: results,
    };
  } finally {
    await server.close();
  }
}

type GrownPlan = { planId: string; userId: string; titles: string[]; words: number };

/** The demo plan with exactly `size.sections` sections, the synthetic plan's text added to each by the chair. */
async function growPlan(db: Db, size: ExportJob['plan']): Promise<GrownPlan> {
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

async function measure(db: Db, plan: GrownPlan, format: ExportFormat, runs: number): Promise<ExportFormatRun> {
  const exportOnce = async (annex: boolean) => {
    const started = performance.now();
    const file = await exportPlan(db, { userId: plan.userId, planId: plan.planId, format, annex });
    return { ms: performance.now() - started, body: file.body };
  };
  const ms: number[] = [];
  let body: Uint8Array = new Uint8Array();
  for (let i = 0; i < runs; i++) {
    const file = await exportOnce(false);
    ms.push(file.ms);
    body = file.body;
  }
  const annex = await exportOnce(true);
  return {
    format,
    ms,
    annexMs: annex.ms,
    bytes: body.byteLength,
    annexBytes: annex.body.byteLength,
    titlesFound: await titlesIn(format, body, plan.titles),
  };
}

/** Whether the file's text holds every section title; null for a pdf, checked only for its signature. */
async function titlesIn(format: ExportFormat, body: Uint8Array, titles: readonly string[]): Promise<boolean | null> {
  if (format === 'pdf') {
    if (new TextDecoder().decode(body.subarray(0, 5)) !== '%PDF-') throw new Error('the pdf export is not a PDF');
    return null;
  }
  const text =
    format === 'docx'
      ? (await mammoth.extractRawText({ buffer: Buffer.from(body) })).value
      : new TextDecoder().decode(body);
  return titles.every((title) => text.includes(title));
}
