import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  type IParagraphOptions,
  ShadingType,
  Table,
  TableOfContents,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import {
  sectionAnchor,
  type Block,
  type CompiledSection,
  type Footnote,
  type Inline,
  type PlanDocument,
  type TrackedChange,
} from './blocks';
import { withTrackedChanges, type TrackedRun } from './docx-tracked-changes';
import {
  listDefinition,
  NUMBERED_PARAGRAPH_STYLE,
  paragraphNumbering,
  PLAN_LEVELS,
  PLAN_NUMBERING,
  planNumbering,
} from './docx-numbering';
import type { Locale } from '../i18n/locales';
import { exportLabels, safeHref, type ExportLabels } from './labels';

type Part = Paragraph | Table;

/**
 * Word's proofing language for each export language: the variants whose spelling and grammar tools
 * every Office installation of the region has (Brazilian Portuguese for the OAS's Portuguese).
 */
const WORD_LANGUAGES: Record<Locale, string> = { en: 'en-US', es: 'es-ES', pt: 'pt-BR', fr: 'fr-FR' };

const PAGE_FIELDS = { page: PageNumber.CURRENT, pages: PageNumber.TOTAL_PAGES } as const;

/**
 * What rendering carries from block to block: numbering restarts for every list, so each one gets its own
 * instance of the list definition (`next`), except a numbered list that carries on the one before it at
 * its level ("4." after "3."), which stays in that list (`ordered`, by level: its instance and next
 * number); and the pending amendments by paragraph number (`tracked`).
 */
type Lists = {
  next: number;
  ordered: Map<number, { instance: number; reference: string | ReturnType<typeof listDefinition>; next: number }>;
  tracked: ReadonlyMap<string, TrackedChange[]>;
  /** Where numbered paragraphs sit in the plan's Word lists (by section, or continuous). */
  numbered: ReturnType<typeof paragraphNumbering>;
};

const FONT = 'Times New Roman';
/** US Letter or A4, with one-inch margins, in twentieths of a point. */
const PAGE_SIZES = { letter: { width: 12240, height: 15840 }, a4: { width: 11906, height: 16838 } } as const;
const MARGIN = { top: 1440, bottom: 1440, left: 1440, right: 1440 };
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

/**
 * A paragraph that never leaves a single line of itself at the foot or head of a page, as the PDF's
 * orphans and widows: docx writes widow control only on paragraphs, and where it is absent LibreOffice
 * applies none.
 */
function paragraph(options: IParagraphOptions): Paragraph {
  return new Paragraph({ widowControl: true, ...options });
}

/**
 * The compiled plan as a Word document with real heading styles (so Word's navigation and table of
 * contents work), real lists and tables, bookmarks for cross-references, and page numbers in the footer.
 */
export async function renderDocx(doc: PlanDocument): Promise<Uint8Array> {
  const labels = exportLabels(doc.language);
  const tracked = new Map<string, TrackedChange[]>();
  for (const change of doc.trackedChanges)
    tracked.set(change.paragraph, [...(tracked.get(change.paragraph) ?? []), change]);
  const lists: Lists = {
    next: 0,
    ordered: new Map(),
    tracked,
    numbered: paragraphNumbering(doc.documentBlock.numbering),
  };
  const children: Array<Part | TableOfContents> = [
    documentBlockTable(doc, labels),
    paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(doc.title)] }),
    // A table of contents of the section headings, filled in and paged as written, which Word updates.
    paragraph({
      alignment: AlignmentType.LEFT,
      keepNext: true,
      children: [new TextRun({ text: labels.contentsHeading, bold: true })],
    }),
    new TableOfContents(labels.contentsHeading, { hyperlink: true, headingStyleRange: '1-2' }),
    ...(doc.version
      ? [
          paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: labels.versionLine(doc.version), italics: true })],
          }),
        ]
      : []),
    paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(labels.goalHeading)] }),
    ...blocks(doc.goal, lists),
    ...doc.sections.flatMap((s) => sectionParts(s, lists, labels)),
    ...(doc.annex
      ? [
          paragraph({
            heading: HeadingLevel.HEADING_1,
            pageBreakBefore: true,
            children: [new TextRun(labels.annexHeading)],
          }),
          ...blocks(doc.annex, lists),
        ]
      : []),
    ...(doc.amendments
      ? [
          paragraph({
            heading: HeadingLevel.HEADING_1,
            pageBreakBefore: true,
            children: [new TextRun(labels.amendmentsHeading)],
          }),
          ...blocks(doc.amendments, lists),
        ]
      : []),
  ];
  // Outline levels, so Word's navigation pane, LibreOffice's navigator and the table of contents see the headings.
  const heading = (outlineLevel: number) => ({
    run: { font: FONT, size: 24, bold: true, color: '000000' },
    paragraph: {
      spacing: { before: 240, after: 120 },
      keepNext: true,
      keepLines: true,
      outlineLevel,
      alignment: AlignmentType.LEFT,
    },
  });
  const document = new Document({
    title: doc.title,
    creator: 'Concordia',
    lastModifiedBy: 'Concordia',
    // A line ended by a line break is not stretched to the margin, as the PDF's is not.
    compatibility: { doNotExpandShiftReturn: true },
    // Works out the pages of the table of contents' entries, so it is complete before Word updates it.
    pageNumbers: estimatePageNumbers,
    // Real Word footnotes: Word (and LibreOffice) number them, and place each at the foot of its page.
    footnotes: Object.fromEntries(
      doc.footnotes.map((note) => [
        note.number,
        { children: [paragraph({ children: [new TextRun({ text: note.text, size: 20 })] })] },
      ]),
    ),
    styles: {
      default: {
        // The language Word proofs the text in and reads it aloud as: the export's.
        document: {
          run: { font: FONT, size: 24, language: { value: WORD_LANGUAGES[doc.language] } },
          // OAS documents are justified; the document block, headings and table cells say otherwise.
          paragraph: { spacing: { after: 120 }, alignment: AlignmentType.JUSTIFIED },
        },
        title: {
          run: { font: FONT, size: 24, bold: true, allCaps: true, color: '000000' },
          paragraph: { spacing: { before: 480, after: 360 } },
        },
        heading1: heading(0),
        heading2: { ...heading(1), run: { ...heading(1).run, italics: true } },
        heading3: { ...heading(2), run: { ...heading(2).run, bold: false, italics: true } },
        heading4: { ...heading(3), run: { ...heading(3).run, bold: false, italics: true } },
        heading5: { ...heading(4), run: { ...heading(4).run, bold: false, italics: true } },
        heading6: { ...heading(5), run: { ...heading(5).run, bold: false, italics: true } },
      },
      paragraphStyles: [{ ...NUMBERED_PARAGRAPH_STYLE, basedOn: 'Normal', next: 'Normal', quickFormat: true }],
    },
    numbering: {
      config: [
        ...planNumbering(doc.documentBlock.numbering),
        listDefinition('bullets', false),
        listDefinition('numbers', true),
      ],
    },
    sections: [
      {
        properties: { page: { size: PAGE_SIZES[doc.documentBlock.paperSize ?? 'letter'], margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    children: labels
                      .pageFooter()
                      .map((part) => ('field' in part ? PAGE_FIELDS[part.field] : part.text)),
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A section: its heading, numbered by Word ("3. "), its lead line, and its text. */
function sectionParts(s: CompiledSection, lists: Lists, labels: ExportLabels): Part[] {
  // A section's lists never carry on one of the section before.
  lists.ordered.clear();
  return [
    paragraph({
      heading: HeadingLevel.HEADING_1,
      numbering: { reference: PLAN_NUMBERING, level: PLAN_LEVELS.section, instance: 0, custom: true },
      children: [new Bookmark({ id: sectionAnchor(s.id), children: [new TextRun(s.title)] })],
    }),
    // Kept with what follows, as the heading is: neither is left at the foot of a page.
    paragraph({ keepNext: true, children: [new TextRun({ text: labels.leadLine(s), italics: true })] }),
    ...blocks(s.blocks, lists),
  ];
}

/** The document block: issuing bodies on the left, symbol, date and language on the right, without borders. */
function documentBlockTable(doc: PlanDocument, labels: ExportLabels): Table {
  const { issuer, reference } = labels.documentBlockLines(doc.documentBlock);
  // The issuing bodies take what the symbol and date leave, as in the PDF's document block.
  const column = (texts: string[], bold: boolean) =>
    new TableCell({
      width: { size: bold ? 65 : 35, type: WidthType.PERCENTAGE },
      children: (texts.length ? texts : ['']).map((text) =>
        paragraph({
          spacing: { after: 0 },
          alignment: AlignmentType.LEFT,
          children: [new TextRun({ text, bold })],
        }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [column(issuer, true), column(reference, false)] })],
  });
}

/** `inCell`: in a table cell, where text is ragged-right (justified, a narrow column is all gaps). */
function blocks(list: Block[], lists: Lists, depth = 0, inCell = false): Part[] {
  return list.flatMap((b) => block(b, lists, depth, inCell));
}

/** Blocks with every run of their text in bold (a table's header cells). */
function emboldened(list: Block[]): Block[] {
  const bold = (inlines: Inline[]): Inline[] =>
    inlines.map((i) => (i.kind === 'text' ? { ...i, marks: { ...i.marks, bold: true } } : i));
  return list.map((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? { ...b, inlines: bold(b.inlines) } : b));
}

function block(b: Block, lists: Lists, depth: number, inCell = false): Part[] {
  const indent = depth ? { left: 720 * depth } : undefined;
  const alignment = inCell ? AlignmentType.LEFT : undefined;
  switch (b.kind) {
    case 'paragraph':
      // Its number ("3.4", or "17" numbered continuously) is the plan's lists', generated by Word; `b.number` is what it comes to.
      if (b.number)
        return [
          paragraph({
            style: NUMBERED_PARAGRAPH_STYLE.id,
            numbering: lists.numbered,
            children: [
              ...runs(withTrackedChanges(b.inlines, lists.tracked.get(b.number) ?? [])),
              ...noteMarks(b.notes),
            ],
          }),
        ];
      return [paragraph({ indent, alignment, children: [...runs(b.inlines), ...noteMarks(b.notes)] })];
    case 'heading':
      // Sections are Heading 1, so the editor's headings keep their level below them.
      return [paragraph({ heading: HEADINGS[Math.max(2, b.level) - 1], children: runs(b.inlines) })];
    case 'list': {
      const { instance, reference } = listOf(b, lists, depth);
      return b.items.flatMap((item) =>
        item.flatMap((child, i) =>
          // The item's first paragraph carries the number; what follows is indented under it.
          i === 0 && child.kind === 'paragraph'
            ? [paragraph({ numbering: { reference, level: depth, instance }, children: runs(child.inlines) })]
            : block(child, lists, depth + 1),
        ),
      );
    }
    case 'quote':
      return blocks(b.blocks, lists, depth + 1);
    case 'code':
      return [
        paragraph({
          indent,
          children: b.text
            .split('\n')
            .map((line, i) => new TextRun({ text: line, font: 'Courier New', size: 20, break: i ? 1 : undefined })),
        }),
      ];
    case 'rule':
      return [paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } } })];
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(
            (row) =>
              new TableRow({
                // Left out rather than off: mammoth (and so our import) reads any w:tblHeader as a header row.
                tableHeader: row.every((cell) => cell.header) || undefined,
                children: row.map(
                  (cell) =>
                    new TableCell({
                      shading: cell.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
                      // Word requires a paragraph in every cell; a header cell's words are bold.
                      children: blocks(cell.header ? emboldened(cell.blocks) : cell.blocks, lists, 0, true).concat(
                        cell.blocks.length ? [] : [paragraph({})],
                      ),
                    }),
                ),
              }),
          ),
        }),
      ];
  }
}

/**
 * The Word list a list of the text is in: a new one, or, for a numbered list that carries on the last
 * one at its level ("4." after "3."), that one, so an item added above renumbers both. A numbered list
 * that starts elsewhere brings a definition that starts where it does.
 */
function listOf(b: Extract<Block, { kind: 'list' }>, lists: Lists, depth: number) {
  if (!b.ordered) return { instance: lists.next++, reference: 'bullets' };
  const previous = lists.ordered.get(depth);
  const list =
    previous && b.start !== 1 && previous.next === b.start
      ? previous
      : {
          instance: lists.next++,
          reference: b.start === 1 ? 'numbers' : listDefinition(`numbers-from-${b.start}`, true, b.start),
          next: b.start,
        };
  lists.ordered.set(depth, { ...list, next: b.start + b.items.length });
  return list;
}

/** A paragraph's footnote marks, each referring to the document's footnote of the same number. */
function noteMarks(notes: readonly Footnote[] | undefined): ParagraphChild[] {
  return (notes ?? []).map((note) => new FootnoteReferenceRun(note.number));
}

function runs(list: Array<Inline | TrackedRun>): ParagraphChild[] {
  return list.map((i) => {
    if (i.kind === 'break') return new TextRun({ break: 1 });
    if (i.kind === 'tracked') {
      const options = {
        text: i.text,
        bold: i.marks.bold,
        italics: i.marks.italic,
        id: i.id,
        author: i.author,
        date: i.date,
      };
      return i.change === 'insert' ? new InsertedTextRun(options) : new DeletedTextRun(options);
    }
    const href = i.link && 'href' in i.link ? safeHref(i.link.href) : null;
    const anchor = i.link && 'sectionId' in i.link ? sectionAnchor(i.link.sectionId) : null;
    const run = new TextRun({
      text: i.text,
      bold: i.marks.bold,
      italics: i.marks.italic,
      underline: i.marks.underline ? {} : undefined,
      strike: i.marks.strike,
      font: i.marks.code ? 'Courier New' : undefined,
      style: href || anchor ? 'Hyperlink' : undefined,
    });
    if (anchor) return new InternalHyperlink({ anchor, children: [run] });
    if (href) return new ExternalHyperlink({ link: href, children: [run] });
    return run;
  });
}
