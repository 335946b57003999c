import type { ExportFormat } from '../options';
import type { PlanSize } from '../plan-text';

/** What bench/servers/concordia-export.ts is asked to do: one round of the export scenario. */
export type ExportJob = {
  plan: PlanSize;
  /** Exports per format without the annex; one more follows with it. */
  runs: number;
  formats: ExportFormat[];
};

export type ExportFormatRun = {
  format: ExportFormat;
  /** Each export without the annex, in order: the first of the process's first format loads every document. */
  ms: number[];
  annexMs: number;
  bytes: number;
  annexBytes: number;
  /** Every section title found in the exported text (docx, html, md); null for a pdf, whose text is not read. */
  titlesFound: boolean | null;
};

export type ExportRun = {
  sections: number;
  /** Words drafted into the sections, headings, lists and tables included (the seeded text is not counted). */
  words: number;
  /** Time to add the sections and draft the plan into the live documents, before the server that exports starts. */
  draftMs: number;
  /** Why pdf was left out: no Chromium at Debian's path. */
  pdfUnavailable: string | null;
  formats: ExportFormatRun[];
};

export type ExportReply = { ok: true; run: ExportRun } | { ok: false; error: string };
