import type { Db } from '../../db/client';
import { AppError } from '../errors';
import type { PlanDocument } from './blocks';
import { compilePlan, type CompileOptions } from './plan-document';
import { renderDocx } from './to-docx';
import { renderHtml } from './to-html';
import { renderMarkdown } from './to-markdown';
import { renderPdf, type PdfOptions } from './to-pdf';

const utf8 = (text: string) => new TextEncoder().encode(text);

export type ExportOptions = CompileOptions & {
  format: string;
  /** How PDFs are printed: which Chromium. */
  pdf?: PdfOptions;
};

const FORMATS = {
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: (doc: PlanDocument) => renderDocx(doc) },
  pdf: { contentType: 'application/pdf', render: (doc: PlanDocument, options: ExportOptions) => renderPdf(renderHtml(doc), options.pdf) },
  html: { contentType: 'text/html; charset=utf-8', render: (doc: PlanDocument) => utf8(renderHtml(doc)) },
  md: { contentType: 'text/markdown; charset=utf-8', render: (doc: PlanDocument) => utf8(renderMarkdown(doc)) },
} as const;

type ExportFormat = keyof typeof FORMATS;
export type ExportedFile = { fileName: string; contentType: string; body: Uint8Array };

/** The compiled plan as a file, for any member of the plan. */
export async function exportPlan(db: Db, options: ExportOptions): Promise<ExportedFile> {
  if (!Object.hasOwn(FORMATS, options.format)) throw new AppError('invalid', `format: must be one of ${Object.keys(FORMATS).join(', ')}`);
  const format = FORMATS[options.format as ExportFormat];
  const doc = await compilePlan(db, options);
  return { fileName: `${fileStem(doc)}.${options.format}`, contentType: format.contentType, body: await format.render(doc, options) };
}

/** Symbol and date (and version), ASCII only, so the name survives every browser and file system. */
function fileStem(doc: PlanDocument): string {
  const { symbol, date } = doc.documentBlock;
  const parts = [ascii(symbol) || ascii(doc.title).slice(0, 60), date, doc.version && ascii(doc.version.name)];
  return parts.filter(Boolean).join('_') || 'plan';
}

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}
