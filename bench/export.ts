/**
 * Timing of the compiled-plan export on a plan of the size the working group expects: 35 sections,
 * each with headings, paragraphs, lists and a table. Run with `npx tsx bench/export.ts [words per
 * section, default 2000]`; prints figures, asserts none. Runs the real server on embedded PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../db/client';
import { planMembers, sections } from '../db/schema';
import { documentHost } from '../lib/documents/host';
import { prepareEnvironment } from '../lib/env';
import { exportPlan } from '../lib/export/export-plan';
import { closePdfBrowsers } from '../lib/export/to-pdf';
import { createSection } from '../lib/plans/sections';
import { OAS_MEMBER_STATES } from '../lib/shared/member-states';
import { EDITOR_FIELD, sectionRoom } from '../lib/shared/rooms';
import { startServer } from '../server/start';

const SECTIONS = 35;
const WORDS_PER_SECTION = Number(process.argv[2] ?? 2_000);
const RUNS = 6;
const FORMATS = ['docx', 'html', 'md', 'pdf'] as const;

const VOCABULARY =
  'member states shall strengthen regional cooperation on citizen security through training exchange of information prevention programmes victims assistance police professionalisation statistics indicators municipal youth community human rights justice institutions'.split(
    ' ',
  );

function sentence(i: number): string {
  const words = Array.from({ length: 14 }, (_, j) => VOCABULARY[(i * 7 + j * 3) % VOCABULARY.length]!);
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

/** About `words` words (headings, lists and tables included) as a section is drafted: headings, paragraphs of five sentences, lists, tables. */
function draft(doc: Y.Doc, words: number): void {
  const element = (name: string, children: Array<Y.XmlElement | Y.XmlText>, attrs: Record<string, string> = {}) => {
    const el = new Y.XmlElement(name);
    for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
    el.insert(0, children);
    return el;
  };
  let written = 0;
  const text = (value: string, bold = false) => {
    written += value.split(' ').filter(Boolean).length;
    const t = new Y.XmlText();
    t.insert(0, value, bold ? { bold: {} } : {});
    return t;
  };
  const blocks: Y.XmlElement[] = [];
  for (let i = 0; written < words; i++) {
    if (i % 6 === 0) blocks.push(element('heading', [text(`Measure ${i / 6 + 1}`)], { level: '2' }));
    const paragraph = Array.from({ length: 5 }, (_, j) => sentence(i * 5 + j)).join(' ');
    blocks.push(element('paragraph', [text('Commitment. ', true), text(paragraph)]));
    if (i % 6 === 3) {
      const item = (label: string) => element('listItem', [element('paragraph', [text(label)])]);
      blocks.push(element('bulletList', [item(sentence(i)), item(sentence(i + 1)), item(sentence(i + 2))]));
      const cell = (label: string) => element('tableCell', [element('paragraph', [text(label)])]);
      blocks.push(element('table', [0, 1, 2].map((r) => element('tableRow', [cell(`Action ${r}`), cell('2027'), cell(sentence(r))]))));
    }
  }
  doc.getXmlFragment(EDITOR_FIELD).insert(0, blocks);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The demo plan grown to 35 sections, each drafted to about WORDS_PER_SECTION words; returns who exports it. */
async function growPlan(db: Db): Promise<{ planId: string; userId: string }> {
  const [chair] = await db.select().from(planMembers).where(eq(planMembers.role, 'chair'));
  if (!chair) throw new Error('no seeded plan');
  const { planId, userId } = chair;
  const seeded = await db.select({ id: sections.id }).from(sections).where(eq(sections.planId, planId));
  for (const [code, name] of OAS_MEMBER_STATES.slice(0, SECTIONS - seeded.length)) {
    await createSection(db, { actorId: userId, planId, input: { title: `Contribution of ${name}`, leadState: code, coEditingStates: [] } });
  }
  for (const row of await db.select({ id: sections.id }).from(sections).where(eq(sections.planId, planId))) {
    await documentHost().change(sectionRoom(row.id), userId, (copy) => draft(copy, WORDS_PER_SECTION));
  }
  return { planId, userId };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'concordia-bench-export-'));
  // eslint-disable-next-line no-restricted-properties -- entry point of a dev script: quiet logs, a database of its own
  Object.assign(process.env, { NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', DATA_DIR: dataDir });
  const config = prepareEnvironment();
  const seeding = await startServer({ config, port: 0 });
  const { planId, userId } = await growPlan(seeding.database.db).finally(() => seeding.close());
  // A fresh server: the first export loads every document from the database, as after a quiet period.
  const server = await startServer({ config, port: 0 });
  try {
    const db = server.database.db;
    process.stdout.write(`${SECTIONS} sections × ~${WORDS_PER_SECTION} words (${RUNS} runs per format; the first docx loads the documents, the first pdf starts Chromium)\n`);
    for (const format of FORMATS) {
      const times: number[] = [];
      let bytes = 0;
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        const file = await exportPlan(db, { userId, planId, format, annex: run === RUNS - 1 });
        times.push(performance.now() - start);
        bytes = file.body.byteLength;
      }
      const line = `${format.padEnd(5)} first ${times[0]!.toFixed(0).padStart(5)} ms   median ${median(times.slice(1, -1)).toFixed(0).padStart(5)} ms   with annex ${times.at(-1)!.toFixed(0).padStart(5)} ms   ${(bytes / 1024).toFixed(0)} KiB`;
      process.stdout.write(`${line}\n`);
    }
  } finally {
    await closePdfBrowsers();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
