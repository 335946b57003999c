'use client';

import type { EditorState, Transaction } from '@tiptap/pm/state';
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, toggleHeaderRow } from '@tiptap/pm/tables';
import { useEditorState, type Editor } from '@tiptap/react';
import { emptyTable } from '../../../lib/shared/table-nodes';

type Button = {
  label: string;
  title: string;
  run: (e: Editor) => void;
  active?: (e: Editor) => boolean;
  /** Shown only when this holds, so table tools appear while the cursor is in a table. */
  shown?: (e: Editor) => boolean;
};

type TableCommand = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean;

const inTable = (e: Editor) => e.isActive('table');
const tableTool = (label: string, title: string, command: TableCommand): Button => ({
  label,
  title,
  shown: inTable,
  run: (e) => e.chain().focus().command(({ state, dispatch }) => command(state, dispatch)).run(),
});

const BUTTONS: Button[] = [
  { label: 'B', title: 'Bold (Ctrl+B)', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
  { label: 'I', title: 'Italic (Ctrl+I)', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
  { label: 'H2', title: 'Heading', run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
  { label: 'H3', title: 'Subheading', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
  { label: '• List', title: 'Bullet list', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
  { label: '1. List', title: 'Numbered list', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
  { label: 'Link', title: 'Link', run: editLink, active: (e) => e.isActive('link') },
  { label: 'Table', title: 'Insert table', run: (e) => e.chain().focus().insertContent(emptyTable(3, 3)).run(), shown: (e) => !inTable(e) },
  tableTool('+ Row', 'Add row below', addRowAfter),
  tableTool('− Row', 'Remove row', deleteRow),
  tableTool('+ Col', 'Add column to the right', addColumnAfter),
  tableTool('− Col', 'Remove column', deleteColumn),
  { ...tableTool('Header', 'Toggle header row', toggleHeaderRow), active: (e) => e.isActive('tableHeader') },
  tableTool('✕ Table', 'Delete table', deleteTable),
  { label: '↶', title: 'Undo (Ctrl+Z)', run: (e) => e.chain().focus().undo().run() },
  { label: '↷', title: 'Redo (Ctrl+Shift+Z)', run: (e) => e.chain().focus().redo().run() },
];

function editLink(editor: Editor): void {
  const current = editor.getAttributes('link').href as string | undefined;
  const href = window.prompt('Link address (leave empty to remove the link)', current ?? 'https://');
  if (href === null) return;
  if (href.trim() === '') editor.chain().focus().extendMarkRange('link').unsetLink().run();
  else editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
}

export function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => BUTTONS.map((b) => ({ shown: b.shown?.(e) ?? true, active: b.active?.(e) ?? false })),
  });
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {BUTTONS.map(
        (button, i) =>
          state[i]?.shown && (
            <button
              key={button.title}
              type="button"
              title={button.title}
              // A word on the button is its name (what speech input says); a lone symbol is named by its title.
              aria-label={button.label.length === 1 ? button.title : undefined}
              aria-pressed={button.active ? state[i].active : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => button.run(editor)}
            >
              {button.label}
            </button>
          ),
      )}
    </div>
  );
}
