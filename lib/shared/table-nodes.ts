import { Extension, Node, mergeAttributes } from '@tiptap/core';
import { goToNextCell, tableEditing } from '@tiptap/pm/tables';

/**
 * Tables in the shape of Tiptap's table extension (node names, attributes, HTML), built directly on
 * prosemirror-tables from @tiptap/pm: `@tiptap/extension-table` is not published at the version of
 * the other @tiptap packages, and mixing versions breaks the editor.
 */

/** prosemirror-tables finds the table nodes of a schema by this role in their specs. */
const TABLE_ROLES: Record<string, string> = {
  table: 'table',
  tableRow: 'row',
  tableCell: 'cell',
  tableHeader: 'header_cell',
};

const cellAttributes = {
  colspan: { default: 1, parseHTML: (el: HTMLElement) => Number(el.getAttribute('colspan') ?? 1) || 1 },
  rowspan: { default: 1, parseHTML: (el: HTMLElement) => Number(el.getAttribute('rowspan') ?? 1) || 1 },
  colwidth: {
    default: null,
    parseHTML: (el: HTMLElement) => el.getAttribute('colwidth')?.split(',').map(Number) ?? null,
  },
};

const Table = Node.create({
  name: 'table',
  group: 'block',
  content: 'tableRow+',
  isolating: true,
  parseHTML: () => [{ tag: 'table' }],
  renderHTML: ({ HTMLAttributes }) => ['table', mergeAttributes(HTMLAttributes), ['tbody', 0]],
  addProseMirrorPlugins: () => [tableEditing()],
  addKeyboardShortcuts() {
    return {
      Tab: () => this.editor.commands.command(({ state, dispatch }) => goToNextCell(1)(state, dispatch)),
      'Shift-Tab': () => this.editor.commands.command(({ state, dispatch }) => goToNextCell(-1)(state, dispatch)),
    };
  },
});

const TableRow = Node.create({
  name: 'tableRow',
  content: '(tableCell | tableHeader)*',
  parseHTML: () => [{ tag: 'tr' }],
  renderHTML: ({ HTMLAttributes }) => ['tr', mergeAttributes(HTMLAttributes), 0],
});

const TableCell = Node.create({
  name: 'tableCell',
  content: 'block+',
  isolating: true,
  addAttributes: () => cellAttributes,
  parseHTML: () => [{ tag: 'td' }],
  renderHTML: ({ HTMLAttributes }) => ['td', mergeAttributes(HTMLAttributes), 0],
});

const TableHeader = Node.create({
  name: 'tableHeader',
  content: 'block+',
  isolating: true,
  addAttributes: () => cellAttributes,
  parseHTML: () => [{ tag: 'th' }],
  renderHTML: ({ HTMLAttributes }) => ['th', mergeAttributes(HTMLAttributes), 0],
});

export const TableNodes = Extension.create({
  name: 'tableNodes',
  extendNodeSchema: (extension) => (TABLE_ROLES[extension.name] ? { tableRole: TABLE_ROLES[extension.name] } : {}),
  addExtensions: () => [Table, TableRow, TableHeader, TableCell],
});

/** A new table's content: a header row and empty body rows, as Tiptap JSON. */
export function emptyTable(rows: number, columns: number) {
  const row = (type: 'tableHeader' | 'tableCell') => ({
    type: 'tableRow',
    content: Array.from({ length: columns }, () => ({ type, content: [{ type: 'paragraph' }] })),
  });
  return { type: 'table', content: [row('tableHeader'), ...Array.from({ length: rows - 1 }, () => row('tableCell'))] };
}
