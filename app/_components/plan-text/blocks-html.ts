import type { Block, Inline } from '../../../lib/export/blocks';
import { escapeHtml, inlineHtml } from '../../../lib/export/inline-html';
import { stateColor } from '../../../lib/shared/state-colors';
import { statesByShare } from '../../../lib/shared/states-by-share';

/** A note after a paragraph (an open overlap): where it leads and what it says, in the reader's words. */
export type ParagraphNote = { href: string; text: string };

export type BlocksHtmlContext = {
  /** The state (code) of each author by user id; authors without one (the chair, the seed) are left out. */
  authors: Readonly<Record<string, string>>;
  /** The note to print after a paragraph, by the paragraph's text; null for none. */
  noteFor?: (paragraph: string) => ParagraphNote | null;
};

/**
 * A section's compiled blocks as the page's HTML, the same on the server (the first rendering) and in
 * the browser (as the section changes live): a plan of 35 sections is tens of thousands of elements,
 * and as one string per section the browser parses them once and React hydrates one element, not
 * each of them. Every text and attribute is escaped; links go only to http(s), mailto or a section.
 * Paragraph numbers sit in `data-paragraph-number`, printed in the margin as the editor prints them
 * (negotiation.css), and every run carries its author's colour, shown only while "Show authorship" is on.
 */
export function blocksHtml(blocks: readonly Block[], context: BlocksHtmlContext): string {
  return blocks.map((b) => block(b, context)).join('');
}

function block(b: Block, context: BlocksHtmlContext): string {
  const all = (list: readonly Block[]) => list.map((x) => block(x, context)).join('');
  switch (b.kind) {
    case 'paragraph': {
      const note = context.noteFor?.(plainText(b.inlines));
      const classes = [b.number && 'numbered', note && 'overlap-open'].filter(Boolean).join(' ');
      const attributes = [
        classes && ` class="${classes}"`,
        b.number && ` data-paragraph-number="${escapeHtml(b.number)}"`,
        b.mergeId && ` id="merged-${escapeHtml(b.mergeId)}"`,
      ].join('');
      const after = note
        ? `<p class="overlap-note small"><a href="${escapeHtml(note.href)}">${escapeHtml(note.text)}</a></p>`
        : '';
      return `<p${attributes}>${marginInitials(b.inlines, context)}${inlines(b.inlines, context)}</p>${after}`;
    }
    case 'heading': {
      // Sections are h2 on the page, so the editor's headings sit one level below.
      const level = Math.min(6, Math.max(2, b.level) + 1);
      return `<h${level}>${marginInitials(b.inlines, context)}${inlines(b.inlines, context)}</h${level}>`;
    }
    case 'list': {
      const items = b.items.map((item) => `<li>${all(item)}</li>`).join('');
      return b.ordered ? `<ol start="${b.start}">${items}</ol>` : `<ul>${items}</ul>`;
    }
    case 'quote':
      return `<blockquote>${all(b.blocks)}</blockquote>`;
    case 'code':
      return `<pre>${escapeHtml(b.text)}</pre>`;
    case 'rule':
      return '<hr>';
    case 'table': {
      const rows = b.rows
        .map(
          (row) =>
            `<tr>${row.map((cell) => (cell.header ? `<th>${all(cell.blocks)}</th>` : `<td>${all(cell.blocks)}</td>`)).join('')}</tr>`,
        )
        .join('');
      return `<div class="table-scroll"><table><tbody>${rows}</tbody></table></div>`;
    }
  }
}

function inlines(list: readonly Inline[], context: BlocksHtmlContext): string {
  return list.map((i) => inline(i, context)).join('');
}

function inline(i: Inline, context: BlocksHtmlContext): string {
  const html = inlineHtml(i);
  if (i.kind === 'break') return html;
  if (i.by === undefined) return html;
  const state = i.by ? context.authors[i.by] : undefined;
  const data = state ? ` data-state="${escapeHtml(state)}"` : '';
  return `<span class="by"${data} style="--by:${stateColor(state)}">${html}</span>`;
}

/**
 * The states that wrote a paragraph, by ISO code and most characters first, for the margin: shown only
 * while "Initials in the margin" is on (plan-text.css); hidden from screen readers, which hear the
 * authors with "Who wrote this?" on a section's page.
 */
function marginInitials(list: readonly Inline[], context: BlocksHtmlContext): string {
  const codes = statesByShare(
    list.flatMap((i) => (i.kind === 'text' && i.by ? [{ state: context.authors[i.by], text: i.text }] : [])),
  );
  if (codes.length === 0) return '';
  return `<span class="margin-initials" aria-hidden="true">${codes.map((c) => `<span>${escapeHtml(c)}</span>`).join('')}</span>`;
}

/** A paragraph's words, to find it among the open overlaps' paragraphs. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}
