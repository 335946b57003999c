import mammoth from 'mammoth';
import type { Db } from '../../db/client';
import { config } from '../../lib/env';
import { exportPlan } from '../../lib/export/export-plan';
import { pdfUnavailable } from '../../lib/export/to-pdf';
import { startServer } from '../../server/start';
import type { ExportFormat } from '../options';
import { growPlan, type GrownPlan } from './grow-plan';
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
