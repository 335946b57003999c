import type { Locale } from '../i18n/locales';
import type { Numbering, SectionNumbering } from '../shared/paragraph-numbers';
import type { OriginalLanguage, PaperSize } from '../shared/plan-metadata';

/**
 * The compiled plan as one intermediate representation, read once from the Yjs documents and
 * rendered to every format (DOCX, HTML, Markdown, and PDF through HTML), so they cannot disagree.
 */

export type Marks = { bold?: true; italic?: true; underline?: true; strike?: true; code?: true };

/**
 * Where a link goes: an address, or another section of the same plan (a cross-reference), and there
 * the paragraph a merge kept (`mergeId`), whose current number the link's text shows.
 */
export type LinkTarget = { href: string } | { sectionId: string; mergeId?: string };

/** `by`: the user who wrote the run, when authorship was asked for (null: written before attribution). */
export type Inline =
  { kind: 'text'; text: string; marks: Marks; link?: LinkTarget; by?: string | null } | { kind: 'break' };

export type TableCell = { header: boolean; blocks: Block[] };

/** A footnote to a paragraph (a state's reservation on it), numbered through the document from 1. */
export type Footnote = { number: number; text: string };

export type Block =
  /**
   * `number`: a section's top-level paragraph, numbered as delegations cite it ("3.4"); `mergeId`: the
   * id cross-references to this paragraph carry; `notes`: its footnotes, whose marks follow its text.
   */
  | { kind: 'paragraph'; inlines: Inline[]; number?: string; mergeId?: string; notes?: Footnote[] }
  /** Level as written in the editor (1–6); renderers place it under the section's own heading. */
  | { kind: 'heading'; level: number; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' }
  | { kind: 'table'; rows: TableCell[][] };

export type DocumentBlock = {
  council: string;
  committee: string;
  workingGroup: string;
  symbol: string;
  /** YYYY-MM-DD; null when the chair has set no date. */
  date: string | null;
  /** The language the document was first written in, printed as "Original: Spanish". */
  originalLanguage: OriginalLanguage;
  /** The plan's language, its text's; the original's when not given. */
  language?: OriginalLanguage;
  /** The paper the DOCX and PDF are laid out on; Letter when not given. */
  paperSize?: PaperSize;
  /** How paragraphs are numbered: by section ("3.4") when not given, or continuously ("17"). */
  numbering?: Numbering;
};

export type CompiledSection = {
  id: string;
  /** 1-based, in the plan's order. */
  number: number;
  /**
   * How its paragraphs are numbered, once numbered (number-paragraphs.ts); given before, a section
   * numbered continuously on its own starts after `continuousFrom` paragraphs.
   */
  numbering?: SectionNumbering;
  title: string;
  leadState: string;
  coEditingStates: string[];
  /** The same states by code (the Akoma Ntoso export refers to them); absent where only names are known. */
  stateCodes?: { lead: string; coEditing: string[] };
  blocks: Block[];
};

/** A pending amendment as a change to a numbered paragraph, in the name of its sponsor (`author`). */
export type TrackedChange = {
  number: number;
  paragraph: string;
  kind: 'replace' | 'insert' | 'delete';
  target: string;
  text: string;
  author: string;
  /** ISO 8601: when it was proposed. */
  date: string;
};

export type PlanDocument = {
  /** The language of the words around the text (headings, document block, page numbers): the plan's, or the one asked for. */
  language: Locale;
  documentBlock: DocumentBlock;
  title: string;
  goal: Block[];
  sections: CompiledSection[];
  /** The named plan version exported, or null for the current text. */
  version: { id: string; name: string } | null;
  /** Contributions by state per section, when asked for. */
  annex: Block[] | null;
  /** The annex of pending amendments (of the current text), or null when none is pending. */
  amendments: Block[] | null;
  /** The same amendments as changes to their paragraphs, which the DOCX carries as Word tracked changes. */
  trackedChanges: TrackedChange[];
  /** Every paragraph's footnotes in the order of the text (the states' reservations on agreed paragraphs). */
  footnotes: Footnote[];
};

/**
 * The anchor of a section inside the compiled document, the same in every format: an HTML id, and a
 * valid Word bookmark name (letters, digits and underscores, at most 40 characters).
 */
export function sectionAnchor(sectionId: string): string {
  return `s_${sectionId.replace(/-/g, '')}`;
}
