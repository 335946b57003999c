import { sectionAnchor, type Block, type Footnote, type Inline, type PlanDocument, type TableCell } from './blocks';
import { escapeHtml, inlineHtml } from './inline-html';
import { exportLabels, type ExportLabels } from './labels';

/**
 * The compiled plan as one self-contained HTML document. Its print stylesheet sets the page (US Letter,
 * page numbers in the footer), so the browser's print and the PDF export give the same pages.
 */
export function renderHtml(doc: PlanDocument): string {
  const labels = exportLabels(doc.language);
  const { issuer, reference } = labels.documentBlockLines(doc.documentBlock);
  const body = [
    `<header class="document-block"><div class="issuer">${lines(issuer)}</div><div class="reference">${lines(reference)}</div></header>`,
    `<h1 class="title">${escapeHtml(doc.title)}</h1>`,
    doc.version ? `<p class="version">${escapeHtml(labels.versionLine(doc.version))}</p>` : '',
    `<section class="goal"><h2>${escapeHtml(labels.goalHeading)}</h2>${blocks(doc.goal)}</section>`,
    ...doc.sections.map(
      (s) =>
        // The heading, its lead line and the first block are kept on one page, so a heading never ends one.
        `<section id="${sectionAnchor(s.id)}"><div class="keep"><h2>${escapeHtml(labels.sectionHeading(s))}</h2><p class="lead">${escapeHtml(labels.leadLine(s))}</p>${s.blocks.slice(0, 1).map(block).join('')}</div>${blocks(s.blocks.slice(1))}</section>`,
    ),
    doc.footnotes.length
      ? `<section class="notes" role="doc-endnotes" aria-labelledby="notes-heading"><h2 id="notes-heading">${escapeHtml(labels.notesHeading)}</h2><ol>${doc.footnotes.map((note) => `<li id="note-${note.number}" value="${note.number}" role="doc-endnote">${escapeHtml(note.text)}</li>`).join('')}</ol></section>`
      : '',
    doc.annex ? `<section class="annex"><h2>${escapeHtml(labels.annexHeading)}</h2>${blocks(doc.annex)}</section>` : '',
    doc.amendments
      ? `<section class="annex amendments"><h2>${escapeHtml(labels.amendmentsHeading)}</h2>${blocks(doc.amendments)}</section>`
      : '',
  ];
  const heading = [doc.documentBlock.symbol, doc.title].filter(Boolean).join(' — ');
  return `<!doctype html>
<html lang="${doc.language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(heading)}</title>
<style>${pageStyle(labels, doc.documentBlock.paperSize === 'a4' ? 'A4' : 'letter')}${STYLE}</style>
</head>
<body>
${body.filter(Boolean).join('\n')}
</body>
</html>
`;
}

/**
 * The page and its footer, "Page 1 of 3" in the export's language: the paper and the one-inch margins
 * of the Word export (lib/export/to-docx.ts), so the two paginate alike.
 */
function pageStyle(labels: ExportLabels, size: 'A4' | 'letter'): string {
  const footer = labels
    .pageFooter()
    .map((part) => ('field' in part ? `counter(${part.field})` : cssString(part.text)))
    .join(' ');
  return `
@page { size: ${size}; margin: 1in; @bottom-center { content: ${footer}; font: 9pt "Times New Roman", Times, serif; } }`;
}

/** Text as a CSS string: quotes, backslashes and anything that could close the style element escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

const STYLE = `
/* The Word export's type: 12 pt Times New Roman, single-spaced (Word's single line is 1.15 of the size),
   6 pt after a paragraph, 12 pt before and 6 pt after a heading, no line of a paragraph left alone. */
body { font: 12pt/1.15 "Times New Roman", Times, serif; color: #000; max-width: 16.5cm; margin: 2rem auto; }
.document-block { display: flex; justify-content: space-between; gap: 2rem; margin-bottom: 2.5rem; }
.document-block p { margin: 0; text-align: left; }
.document-block .reference { flex: none; white-space: nowrap; }
.document-block .issuer p { font-weight: bold; }
h1.title { text-align: center; font-size: 12pt; text-transform: uppercase; margin: 24pt 0 18pt; }
p.version { text-align: center; font-style: italic; }
p { margin: 0 0 6pt; orphans: 2; widows: 2; }
h2 { font-size: 12pt; margin: 12pt 0 6pt; }
h3, h4, h5, h6 { font-size: 12pt; font-style: italic; margin: 12pt 0 6pt; }
p.lead { font-style: italic; margin-top: 0; }
p, li { text-align: justify; orphans: 2; widows: 2; }
li p { margin: 0.2em 0; }
/* The number in a half-inch hanging indent, as Word's numbered paragraph has it: out of the line, so the
   text's first line starts where its others do (the space after the number, at a line's start, is dropped). */
p.numbered { position: relative; margin-left: 0.5in; }
.paragraph-number { position: absolute; left: -0.5in; }
/* A collapsed table's outer border lies half outside its box: a hair narrower than the page, its right edge is printed. */
table { border-collapse: collapse; width: calc(100% - 1px); margin: 0.6rem 0; }
th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; }
td p, th p { margin: 0; text-align: left; }
blockquote { margin-left: 1.5rem; }
pre { font: 10pt/1.3 monospace; white-space: pre-wrap; }
.annex { break-before: page; }
.keep { break-inside: avoid; }
sup.note-mark { line-height: 0; font-size: 75%; }
sup.note-mark a { text-decoration: none; }
.notes { font-size: 10pt; border-top: 1px solid #000; margin-top: 2rem; }
.notes h2 { font-size: 10pt; }
.notes li { text-align: justify; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; }
tr, li { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;

function lines(texts: string[]): string {
  return texts.map((t) => `<p>${escapeHtml(t)}</p>`).join('');
}

/** Blocks in order; a heading and the block after it are kept on one page. */
function blocks(list: Block[]): string {
  let out = '';
  for (let i = 0; i < list.length; i++) {
    const b = list[i]!;
    const next = list[i + 1];
    if (b.kind === 'heading' && next) {
      out += `<div class="keep">${block(b)}${block(next)}</div>`;
      i++;
    } else out += block(b);
  }
  return out;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return b.number
        ? `<p class="numbered"><span class="paragraph-number">${escapeHtml(b.number)}</span> ${inlines(b.inlines)}${noteMarks(b.notes)}</p>`
        : `<p>${inlines(b.inlines)}${noteMarks(b.notes)}</p>`;
    case 'heading': {
      // Sections are h2 in the compiled plan, so the editor's headings sit one level below.
      const level = Math.min(6, Math.max(2, b.level) + 1);
      return `<h${level}>${inlines(b.inlines)}</h${level}>`;
    }
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
      return `<${tag}${start}>${b.items.map((item) => `<li>${blocks(item)}</li>`).join('')}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${blocks(b.blocks)}</blockquote>`;
    case 'code':
      return `<pre>${escapeHtml(b.text)}</pre>`;
    case 'rule':
      return '<hr>';
    case 'table': {
      const tr = (row: TableCell[]) =>
        `<tr>${row.map((cell) => (cell.header ? `<th>${blocks(cell.blocks)}</th>` : `<td>${blocks(cell.blocks)}</td>`)).join('')}</tr>`;
      // Header rows go in <thead>, which print repeats on every page the table spans.
      const head = b.rows.findIndex((row) => !row.every((cell) => cell.header));
      const split = head === -1 ? b.rows.length : head;
      const thead = split ? `<thead>${b.rows.slice(0, split).map(tr).join('')}</thead>` : '';
      return `<table>${thead}<tbody>${b.rows.slice(split).map(tr).join('')}</tbody></table>`;
    }
  }
}

/** A paragraph's footnote marks, each a link to its note under "Notes" at the end of the text. */
function noteMarks(notes: readonly Footnote[] | undefined): string {
  return (notes ?? [])
    .map(
      (note) =>
        `<sup class="note-mark"><a href="#note-${note.number}" id="note-mark-${note.number}" role="doc-noteref">${note.number}</a></sup>`,
    )
    .join('');
}

function inlines(list: Inline[]): string {
  return list.map(inlineHtml).join('');
}
