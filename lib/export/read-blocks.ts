import * as Y from 'yjs';
import type { Block, Inline, LinkTarget, Marks } from './blocks';

export type ReadContext = {
  /** The section a link points to when it is a cross-reference within the plan, else null. */
  crossReference: (href: string) => string | null;
  /** The mark after a merged passage, naming its co-sponsors (stored by their English names) in the export's language. */
  cosponsoredBy: (englishNames: string[]) => string;
  /**
   * Who wrote each run, when the reader asks (the plan on one page): the document's record of client ids
   * by user, and the document's current instant (taken once: it costs a walk of the whole document).
   * Runs then carry `by`, and consecutive words of one author stay one run.
   */
  authorship?: { users: Y.PermanentUserData; now: Y.Snapshot };
};

/**
 * Reads a Tiptap document (the Yjs fragment the editor binds to, or an element of it) into blocks. Empty paragraphs are
 * left out: in the editor they are spacing, in a compiled document they would be noise.
 */
export function readBlocks(parent: Y.XmlFragment | Y.XmlElement, context: ReadContext): Block[] {
  return elements(parent).flatMap((node) => readBlock(node, context));
}

/** A passage the chair merged names its co-sponsoring states after its text, as the editor shows it. */
function withCosponsors(node: Y.XmlElement, inlines: Inline[], context: ReadContext): Inline[] {
  const names: unknown = node.getAttribute('cosponsors');
  if (!inlines.length || !Array.isArray(names) || !names.length) return inlines;
  return [
    ...inlines,
    { kind: 'text', text: ` — ${context.cosponsoredBy(names.map(String))}`, marks: { italic: true } },
  ];
}

function elements(parent: Y.XmlFragment | Y.XmlElement): Y.XmlElement[] {
  return parent.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
}

function readBlock(node: Y.XmlElement, context: ReadContext): Block[] {
  switch (node.nodeName) {
    case 'paragraph': {
      const inlines = withCosponsors(node, readInlines(node, context), context);
      const mergeId: unknown = node.getAttribute('mergeId');
      return inlines.length
        ? [{ kind: 'paragraph', inlines, ...(typeof mergeId === 'string' ? { mergeId } : {}) }]
        : [];
    }
    case 'heading': {
      const inlines = withCosponsors(node, readInlines(node, context), context);
      const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 1));
      return inlines.length ? [{ kind: 'heading', level, inlines }] : [];
    }
    case 'bulletList':
    case 'orderedList':
      return [
        {
          kind: 'list',
          ordered: node.nodeName === 'orderedList',
          start: Number(node.getAttribute('start')) || 1,
          items: elements(node).map((item) => readBlocks(item, context)),
        },
      ];
    case 'blockquote':
      return [{ kind: 'quote', blocks: readBlocks(node, context) }];
    case 'codeBlock':
      return [
        {
          kind: 'code',
          text: readInlines(node, context)
            .map((i) => (i.kind === 'text' ? i.text : '\n'))
            .join(''),
        },
      ];
    case 'horizontalRule':
      return [{ kind: 'rule' }];
    case 'table':
      return [
        {
          kind: 'table',
          rows: elements(node).map((row) =>
            elements(row).map((cell) => ({
              header: cell.nodeName === 'tableHeader',
              blocks: readBlocks(cell, context),
            })),
          ),
        },
      ];
    default:
      // A node this reader does not know (from a newer editor) still contributes its text.
      return readBlocks(node, context);
  }
}

type Delta = Array<{ insert: unknown; attributes?: Record<string, unknown> }>;

function readInlines(node: Y.XmlElement, context: ReadContext): Inline[] {
  const inlines: Inline[] = [];
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') inlines.push({ kind: 'break' });
      continue;
    }
    if (!(child instanceof Y.XmlText)) continue;
    for (const op of delta(child, context.authorship)) {
      if (typeof op.insert !== 'string' || op.insert === '') continue;
      const by = op.attributes?.ychange as { user?: string | null } | undefined;
      inlines.push({
        kind: 'text',
        text: op.insert,
        ...readMarks(op.attributes ?? {}, context),
        ...(by && { by: by.user ?? null }),
      });
    }
  }
  return inlines;
}

/** The text's runs; with `authorship`, each marked (as y-tiptap marks a snapshot) with the user who added it. */
function delta(text: Y.XmlText, authorship: ReadContext['authorship']): Delta {
  if (!authorship) return text.toDelta() as Delta;
  const { users, now } = authorship;
  return text.toDelta(now, Y.emptySnapshot, (type: 'added' | 'removed', id: Y.ID) => ({
    type,
    user: type === 'added' ? users.getUserByClientId(id.client) : users.getUserByDeletedId(id),
  })) as Delta;
}

const MARKS: Record<string, keyof Marks> = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  strike: 'strike',
  code: 'code',
};

function readMarks(attributes: Record<string, unknown>, context: ReadContext): { marks: Marks; link?: LinkTarget } {
  const marks: Marks = {};
  let link: LinkTarget | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    // y-tiptap suffixes marks that may overlap themselves with a hash ("comment--a1b2c3d4").
    const name = key.replace(/--[a-zA-Z0-9+/=]{8}$/, '');
    const mark = MARKS[name];
    if (mark) marks[mark] = true;
    if (name === 'link') {
      const href = (value as { href?: unknown } | null)?.href;
      if (typeof href === 'string' && href) {
        const sectionId = context.crossReference(href);
        const mergeId = /#merged-([0-9a-f-]{36})$/i.exec(href)?.[1]?.toLowerCase();
        link = sectionId ? { sectionId, ...(mergeId ? { mergeId } : {}) } : { href };
      }
    }
  }
  return link ? { marks, link } : { marks };
}
