'use client';

import type { EditorState, Transaction } from '@tiptap/pm/state';
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, toggleHeaderRow } from '@tiptap/pm/tables';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useState, type KeyboardEvent } from 'react';
import { emptyTable } from '../../../lib/shared/table-nodes';
import { LinkField } from './link-field';

/**
 * A button's words: `Toolbar.<key>.label` on it (short, a symbol or letter for some), `.title` as its
 * tooltip (with the shortcut), `.name` its name in words (what a screen reader reads, what speech input
 * says), which holds the words of the label so that someone who says what they see is understood.
 */
type ButtonKey =
  | 'bold'
  | 'italic'
  | 'heading'
  | 'subheading'
  | 'bulletList'
  | 'numberedList'
  | 'link'
  | 'table'
  | 'addRow'
  | 'removeRow'
  | 'addColumn'
  | 'removeColumn'
  | 'headerRow'
  | 'deleteTable'
  | 'undo'
  | 'redo';

type Button = {
  key: ButtonKey;
  /** `open`: what the button opens under the toolbar instead of acting at once (the link field). */
  run: (e: Editor, open: (href: string) => void) => void;
  active?: (e: Editor) => boolean;
  /** Shown only when this holds, so table tools appear while the cursor is in a table. */
  shown?: (e: Editor) => boolean;
};

type TableCommand = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean;

const inTable = (e: Editor) => e.isActive('table');
const tableTool = (key: ButtonKey, command: TableCommand): Button => ({
  key,
  shown: inTable,
  run: (e) =>
    e
      .chain()
      .focus()
      .command(({ state, dispatch }) => command(state, dispatch))
      .run(),
});

const BUTTONS: Button[] = [
  { key: 'bold', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
  { key: 'italic', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
  {
    key: 'heading',
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    active: (e) => e.isActive('heading', { level: 2 }),
  },
  {
    key: 'subheading',
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    active: (e) => e.isActive('heading', { level: 3 }),
  },
  {
    key: 'bulletList',
    run: (e) => e.chain().focus().toggleBulletList().run(),
    active: (e) => e.isActive('bulletList'),
  },
  {
    key: 'numberedList',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    active: (e) => e.isActive('orderedList'),
  },
  { key: 'link', run: (e, open) => open(linkOf(e) ?? NEW_LINK), active: (e) => e.isActive('link') },
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

/** What the link field starts with for new links. */
const NEW_LINK = 'https://';

const linkOf = (editor: Editor) => editor.getAttributes('link').href as string | undefined;

/** The toolbar of the editor whose text holds `dom`: where Alt+F10 leads from the text. */
export function focusToolbarOf(dom: HTMLElement): boolean {
  const button = dom.closest('.editor-frame')?.querySelector<HTMLButtonElement>('.toolbar button[tabindex="0"]');
  button?.focus();
  return Boolean(button);
}

/** Keys that move between the buttons (WAI-ARIA toolbar pattern): to the index they lead to among `count`. */
const MOVES: Record<string, (i: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * The formatting buttons, as the WAI-ARIA toolbar pattern has them: one Tab stop (the button last
 * used), arrow keys, Home and End between buttons, Escape back to the text; Alt+F10 in the text comes
 * here (live-editor.tsx).
 */
export function Toolbar({ editor }: { editor: Editor }) {
  const t = useTranslations('Toolbar');
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => BUTTONS.map((b) => ({ shown: b.shown?.(e) ?? true, active: b.active?.(e) ?? false })),
  });
  const shown = BUTTONS.filter((_, i) => state[i]?.shown);
  const [current, setCurrent] = useState<ButtonKey>('bold');
  const [linking, setLinking] = useState<string | null>(null);
  // The table tools come and go with the caret: the Tab stop falls back to the first button.
  const stop = shown.some((b) => b.key === current) ? current : shown[0]?.key;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[move(Math.max(0, at), buttons.length)];
    next?.focus();
    if (next?.dataset.key) setCurrent(next.dataset.key as ButtonKey);
  };

  return (
    <>
      <div
        className="toolbar"
        role="toolbar"
        aria-label={t('label')}
        aria-description={t('keys')}
        aria-controls={editor.view.dom.id || undefined}
        onKeyDown={onKeyDown}
      >
        {BUTTONS.map((button, i) => {
          if (!state[i]?.shown) return null;
          return (
            <button
              key={button.key}
              type="button"
              data-key={button.key}
              tabIndex={button.key === stop ? 0 : -1}
              title={t(`${button.key}.title`)}
              aria-label={t(`${button.key}.name`)}
              aria-pressed={button.active ? state[i].active : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onFocus={() => setCurrent(button.key)}
              onClick={() => button.run(editor, setLinking)}
            >
              {t(`${button.key}.label`)}
            </button>
          );
        })}
      </div>
      {linking !== null && <LinkField editor={editor} initial={linking} onDone={() => setLinking(null)} />}
    </>
  );
}
