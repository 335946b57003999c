'use client';

import type { EditorState, Transaction } from '@tiptap/pm/state';
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, toggleHeaderRow } from '@tiptap/pm/tables';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { emptyTable } from '../../../lib/shared/table-nodes';

/** A button's words: `Toolbar.<key>.label` on it, `Toolbar.<key>.title` as its tooltip (and name, where the label is a symbol). */
type ButtonKey = 'bold' | 'italic' | 'heading' | 'subheading' | 'bulletList' | 'numberedList' | 'link' | 'table' | 'addRow' | 'removeRow' | 'addColumn' | 'removeColumn' | 'headerRow' | 'deleteTable' | 'undo' | 'redo';

type Button = {
  key: ButtonKey;
  run: (e: Editor, t: T) => void;
  active?: (e: Editor) => boolean;
  /** Shown only when this holds, so table tools appear while the cursor is in a table. */
  shown?: (e: Editor) => boolean;
};

type T = ReturnType<typeof useTranslations<'Toolbar'>>;
type TableCommand = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean;

const inTable = (e: Editor) => e.isActive('table');
const tableTool = (key: ButtonKey, command: TableCommand): Button => ({
  key,
  shown: inTable,
  run: (e) => e.chain().focus().command(({ state, dispatch }) => command(state, dispatch)).run(),
});

const BUTTONS: Button[] = [
  { key: 'bold', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
  { key: 'italic', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
  { key: 'heading', run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
  { key: 'subheading', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
  { key: 'bulletList', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
  { key: 'numberedList', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
  { key: 'link', run: editLink, active: (e) => e.isActive('link') },
  { key: 'table', run: (e) => e.chain().focus().insertContent(emptyTable(3, 3)).run(), shown: (e) => !inTable(e) },
  tableTool('addRow', addRowAfter),
  tableTool('removeRow', deleteRow),
  tableTool('addColumn', addColumnAfter),
  tableTool('removeColumn', deleteColumn),
  { ...tableTool('headerRow', toggleHeaderRow), active: (e) => e.isActive('tableHeader') },
  tableTool('deleteTable', deleteTable),
  { key: 'undo', run: (e) => e.chain().focus().undo().run() },
  { key: 'redo', run: (e) => e.chain().focus().redo().run() },
];

/** What the link prompt starts with for new links. */
const NEW_LINK = 'https://';

function editLink(editor: Editor, t: T): void {
  const current = editor.getAttributes('link').href as string | undefined;
  const href = window.prompt(t('linkPrompt'), current ?? NEW_LINK);
  if (href === null) return;
  if (href.trim() === '') editor.chain().focus().extendMarkRange('link').unsetLink().run();
  else editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
}

export function Toolbar({ editor }: { editor: Editor }) {
  const t = useTranslations('Toolbar');
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => BUTTONS.map((b) => ({ shown: b.shown?.(e) ?? true, active: b.active?.(e) ?? false })),
  });
  return (
    <div className="toolbar" role="toolbar" aria-label={t('label')}>
      {BUTTONS.map((button, i) => {
        if (!state[i]?.shown) return null;
        const label = t(`${button.key}.label`);
        const title = t(`${button.key}.title`);
        return (
          <button
            key={button.key}
            type="button"
            title={title}
            // A word on the button is its name (what speech input says); a lone symbol or letter is named by its title.
            aria-label={label.length === 1 ? title : undefined}
            aria-pressed={button.active ? state[i].active : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => button.run(editor, t)}
          >
            {label}
          </button>
        );
      })}
    </div>
  );
}
