import type { Db } from '../../db/client';
import { appError } from '../i18n/error-text';
import { isLocale } from '../i18n/locales';
import type { PlanDocument } from './blocks';
import { compilePlan, type CompileOptions } from './plan-document';
import { renderAkn } from './to-akn';
import { renderDocx } from './to-docx';
import { renderHtml } from './to-html';
import { renderMarkdown } from './to-markdown';
import { renderPdf, type PdfOptions } from './to-pdf';

const utf8 = (text: string) => new TextEncoder().encode(text);

export type ExportOptions = Omit<CompileOptions, 'language'> & {
  format: string;
  /** `?lang=`: the words around the text in another of the four languages than the plan's; null for the plan's own. */
  language?: string | null;
  /** How PDFs are printed: which Chromium. */
  pdf?: PdfOptions;
};

const FORMATS = {
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: (doc: PlanDocument) => renderDocx(doc),
  },
  pdf: {
    contentType: 'application/pdf',
    render: (doc: PlanDocument, options: ExportOptions) => renderPdf(renderHtml(doc), options.pdf),
  },
  html: { contentType: 'text/html; charset=utf-8', render: (doc: PlanDocument) => utf8(renderHtml(doc)) },
  md: { contentType: 'text/markdown; charset=utf-8', render: (doc: PlanDocument) => utf8(renderMarkdown(doc)) },
  akn: {
    contentType: 'application/akn+xml',
    extension: 'xml',
    render: (doc: PlanDocument) => utf8(renderAkn(doc)),
  },
} as const;

type ExportFormat = keyof typeof FORMATS;
export type ExportedFile = { fileName: string; contentType: string; body: Uint8Array };

/** The compiled plan as a file, for any member of the plan. */
export async function exportPlan(db: Db, options: ExportOptions): Promise<ExportedFile> {
  if (!Object.hasOwn(FORMATS, options.format)) throw appError('invalid', 'exportFormat');
  const format = FORMATS[options.format as ExportFormat];
  const { language } = options;
  if (language != null && !isLocale(language)) throw appError('invalid', 'exportLanguage');
  const doc = await compilePlan(db, { ...options, language });
  return {
    fileName: `${fileStem(doc)}.${'extension' in format ? format.extension : options.format}`,
    contentType: format.contentType,
    body: await format.render(doc, options),
  };
}

/** Symbol and date (and version), ASCII only, so the name survives every browser and file system. */
function fileStem(doc: PlanDocument): string {
  const { symbol, date } = doc.documentBlock;
  const parts = [ascii(symbol) || wordsUpTo(ascii(doc.title), 60), date, doc.version && ascii(doc.version.name)];
  return parts.filter(Boolean).join('_') || 'plan';
}

/** The longest run of whole words (hyphen-separated) that fits in `max` characters; a single longer word is cut. */
function wordsUpTo(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('-', max);
  return cut > 0 ? text.slice(0, cut) : text.slice(0, max);
}

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}
