import GithubSlugger from 'github-slugger';
import type { Block, Inline, PlanDocument } from './blocks';
import { exportLabels, safeHref, type ExportLabels } from './labels';
import {
  codeBlock,
  codeSpan,
  escapeText,
  guardLineStarts,
  linkDestination,
  oneLine,
  type InlineContext,
} from './markdown-text';

/**
 * The compiled plan as CommonMark with GitHub tables. Every piece of text is escaped for where it stands
 * (markdown-text.ts), so what was typed is what a reader sees and nothing typed becomes markup, whatever
 * the viewer (GitHub, an editor's preview, a renderer that allows HTML).
 */
export function renderMarkdown(doc: PlanDocument): string {
  const labels = exportLabels(doc.language);
  sectionTargets = headingIds(doc, labels);
  try {
    return render(doc, labels);
  } finally {
    sectionTargets = new Map();
  }
}

/**
 * Where a cross-reference to each section of the document being rendered goes: its heading's id as
 * GitHub, GitLab and most viewers make it from the heading's words (CommonMark has no anchors of its own,
 * and an HTML anchor shows as a raw tag in viewers that do not allow HTML). Set for one render at a time;
 * rendering is synchronous.
 */
let sectionTargets = new Map<string, string>();

/** The id of every heading in document order, numbered as the viewers number repeats ("goal", "goal-1"). */
function headingIds(doc: PlanDocument, labels: ExportLabels): Map<string, string> {
  const slugger = new GithubSlugger();
  const walk = (list: Block[]): void => {
    for (const b of list) {
      if (b.kind === 'heading') slugger.slug(plainText(b.inlines));
      else if (b.kind === 'quote') walk(b.blocks);
      else if (b.kind === 'list') b.items.forEach(walk);
    }
  };
  const ids = new Map<string, string>();
  slugger.slug(doc.title.trim());
  slugger.slug(labels.goalHeading);
  walk(doc.goal);
  for (const section of doc.sections) {
    ids.set(section.id, slugger.slug(labels.sectionHeading(section).trim()));
    walk(section.blocks);
  }
  return ids;
}

function plainText(list: Inline[]): string {
  return list
    .map((i) => (i.kind === 'break' ? ' ' : i.text))
    .join('')
    .trim();
}

function render(doc: PlanDocument, labels: ExportLabels): string {
  const { issuer, reference } = labels.documentBlockLines(doc.documentBlock);
  const parts = [
    guardLineStarts(issuer.map((line) => wrapLine(line, '**')).join('  \n')),
    guardLineStarts(reference.map((line) => escapeText(line.trim())).join('  \n')),
    `# ${escapeText(doc.title.trim())}`,
    doc.version ? wrapLine(labels.versionLine(doc.version), '*') : '',
    `## ${escapeText(labels.goalHeading)}`,
    blocks(doc.goal),
    ...doc.sections.flatMap((s) => [
      `## ${escapeText(labels.sectionHeading(s).trim())}`,
      wrapLine(labels.leadLine(s), '*'),
      blocks(s.blocks),
    ]),
    // GitHub, GitLab and pandoc print footnote definitions at the foot of the document, numbered in order.
    ...doc.footnotes.map((note) => `[^${note.number}]: ${escapeText(note.text)}`),
    ...(doc.annex ? [`## ${escapeText(labels.annexHeading)}`, blocks(doc.annex)] : []),
    ...(doc.amendments ? [`## ${escapeText(labels.amendmentsHeading)}`, blocks(doc.amendments)] : []),
  ];
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}

/** A whole line in bold or italics; empty, it is left out ("****" alone would be a rule). */
function wrapLine(text: string, delimiter: string): string {
  const escaped = escapeText(text.trim());
  return escaped ? `${delimiter}${escaped}${delimiter}` : '';
}

function blocks(list: Block[]): string {
  return list.map(block).filter(Boolean).join('\n\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return guardLineStarts(
        (b.number ? `${escapeText(b.number)} ${inlines(b.inlines, 'paragraph')}` : inlines(b.inlines, 'paragraph')) +
          (b.notes ?? []).map((note) => `[^${note.number}]`).join(''),
      );
    case 'heading':
      // Sections are "##" in the compiled plan, so the editor's headings sit one level below.
      return `${'#'.repeat(Math.min(6, Math.max(2, b.level) + 1))} ${inlines(b.inlines, 'heading')}`;
    case 'list':
      return b.items
        .map((item, i) => {
          const marker = b.ordered ? `${listNumber(b.start + i)}. ` : '- ';
          // A nested list follows its paragraph directly (a tight list); other blocks need a blank line.
          const body = item
            .map((child, j) => (j === 0 ? '' : child.kind === 'list' ? '\n' : '\n\n') + block(child))
            .join('');
          // Continuation lines are indented to the item's text, so nested blocks stay inside it.
          return marker + body.replace(/\n(?=.)/g, `\n${' '.repeat(marker.length)}`);
        })
        .join('\n');
    case 'quote':
      return blocks(b.blocks).replace(/^/gm, '> ');
    case 'code':
      return codeBlock(b.text);
    case 'rule':
      return '---';
    case 'table':
      return table(b.rows.map((row) => row.map((cell) => cellText(cell.blocks))));
  }
}

/** CommonMark numbers list items with at most nine digits. */
function listNumber(n: number): number {
  return Number.isSafeInteger(n) && n >= 0 && n <= 999_999_999 ? n : 1;
}

/** A GitHub table: every row as wide as the widest, so the header row matches the delimiter row. */
function table(rows: string[][]): string {
  const columns = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (!columns) return '';
  const line = (cells: string[]) => `| ${Array.from({ length: columns }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), `|${' --- |'.repeat(columns)}`, ...body.map(line)].join('\n');
}

/** A cell is one line of inline text, whatever blocks it holds: a block there would end the table. */
function cellText(list: Block[]): string {
  return list
    .map((b): string => {
      switch (b.kind) {
        case 'paragraph':
        case 'heading':
          return inlines(b.inlines, 'cell');
        case 'list':
          return b.items.map(cellText).join(' ');
        case 'quote':
          return cellText(b.blocks);
        case 'code':
          return b.text.trim() ? codeSpan(b.text, 'cell') : '';
        case 'rule':
          return '';
        case 'table':
          return b.rows.map((row) => row.map((cell) => cellText(cell.blocks)).join(' ')).join(' ');
      }
    })
    .filter(Boolean)
    .join(' ');
}

type Where = 'paragraph' | 'heading' | 'cell';
type Wrap = { key: string; open: string; close: string; emphasis: boolean };
/** Output in pieces, so that the text beside each mark can still be adjusted once all is written. */
type Piece = { kind: 'text' | 'marks' | 'space'; value: string; emphasis?: boolean };

/**
 * Runs of text with their marks. Marks stay open across runs that share them ("**a *b***", not
 * "**a*****b***"), and spaces at a run's edges stay outside the marks, as emphasis must touch its text.
 */
function inlines(list: Inline[], where: Where): string {
  const context: InlineContext = where === 'cell' ? 'cell' : 'line';
  const open: Wrap[] = [];
  const pieces: Piece[] = [];
  // Spaces after the last text, placed once it is known whether marks close before them.
  let space = '';
  const marks = (wraps: Wrap[], side: 'open' | 'close') => {
    if (!wraps.length) return;
    const value = wraps.map((w) => w[side]).join('');
    const emphasis = wraps.some((w) => w.emphasis);
    // Marks that close and open with nothing between are one piece: the same text touches them.
    const last = pieces.at(-1);
    if (last?.kind === 'marks') Object.assign(last, { value: last.value + value, emphasis: last.emphasis || emphasis });
    else pieces.push({ kind: 'marks', value, emphasis });
  };
  const closeTo = (depth: number) => marks(open.splice(depth).reverse(), 'close');
  for (const i of list) {
    if (i.kind === 'break') {
      closeTo(0);
      // A heading or a cell is one line: a break there is a space.
      pieces.push({ kind: 'space', value: where === 'paragraph' ? '\\\n' : ' ' });
      space = '';
      continue;
    }
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(oneLine(i.text)) ?? [];
    if (!core) {
      space += lead;
      continue;
    }
    const wanted = wraps(i);
    // Marks stay open from the outside in as long as this run has them too; the rest close, and this
    // run's other marks open inside those kept.
    let kept = 0;
    while (kept < open.length && wanted.some((wrap) => wrap.key === open[kept]!.key)) kept++;
    const opening = wanted.filter((wrap) => !open.slice(0, kept).some((o) => o.key === wrap.key));
    closeTo(kept);
    if (space + lead) pieces.push({ kind: 'space', value: space + lead });
    marks(opening, 'open');
    open.push(...opening);
    pieces.push({ kind: 'text', value: i.marks.code ? codeSpan(core, context) : escapeText(core) });
    space = trail;
  }
  closeTo(0);
  flankEmphasis(pieces);
  // A break at the very end would leave a visible backslash.
  return pieces
    .map((p) => p.value)
    .join('')
    .replace(/(\\\n)+$/, '')
    .trim();
}

/**
 * Emphasis opens only where the character after it is not punctuation or the one before it is, and
 * closes by the mirror rule, so "word**\(x\)**" would show its asterisks. Where marks touch text on
 * both sides, both neighbours must be alike: both letters or digits, or both ASCII punctuation. A
 * neighbour that is not ASCII punctuation is then written as a character reference, which reads as
 * punctuation ("&" … ";") and shows as itself. Writing one can unsettle the marks on its other side,
 * so this runs until nothing changes.
 */
function flankEmphasis(pieces: Piece[]): void {
  for (let changed = true; changed;) {
    changed = false;
    pieces.forEach((piece, k) => {
      const before = pieces[k - 1];
      const after = pieces[k + 1];
      if (piece.kind !== 'marks' || !piece.emphasis || before?.kind !== 'text' || after?.kind !== 'text') return;
      const a = [...before.value].at(-1)!;
      const b = [...after.value][0]!;
      if (kind(a) === kind(b) && kind(a) !== 'other') return;
      if (kind(a) !== 'punctuation') before.value = before.value.slice(0, -a.length) + characterReference(a);
      if (kind(b) !== 'punctuation') after.value = characterReference(b) + after.value.slice(b.length);
      changed = true;
    });
  }
}

function kind(c: string): 'punctuation' | 'word' | 'other' {
  return /^[!-/:-@[-`{-~]$/.test(c) ? 'punctuation' : /^[\p{L}\p{N}]$/u.test(c) ? 'word' : 'other';
}

function characterReference(c: string): string {
  return `&#${c.codePointAt(0)};`;
}

/** The marks of a run as Markdown, outermost first: a link, then strike, italics and bold. */
function wraps(i: Extract<Inline, { kind: 'text' }>): Wrap[] {
  const list: Wrap[] = [];
  const target = i.link && 'sectionId' in i.link ? sectionTargets.get(i.link.sectionId) : undefined;
  const href = i.link && ('sectionId' in i.link ? target && `#${target}` : safeHref(i.link.href));
  if (href) list.push({ key: `link ${href}`, open: '[', close: `](${linkDestination(href)})`, emphasis: false });
  if (i.marks.strike) list.push({ key: 'strike', open: '~~', close: '~~', emphasis: true });
  if (i.marks.italic) list.push({ key: 'italic', open: '*', close: '*', emphasis: true });
  if (i.marks.bold) list.push({ key: 'bold', open: '**', close: '**', emphasis: true });
  return list;
}
