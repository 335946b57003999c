'use client';

import { useEditorState, type Editor } from '@tiptap/react';

type Button = { label: string; title: string; run: (e: Editor) => void; active?: (e: Editor) => boolean };

const BUTTONS: Button[] = [
  { label: 'B', title: 'Bold (Ctrl+B)', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
  { label: 'I', title: 'Italic (Ctrl+I)', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
  { label: 'H2', title: 'Heading', run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
  { label: 'H3', title: 'Subheading', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
  { label: '• List', title: 'Bullet list', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
  { label: '1. List', title: 'Numbered list', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
  { label: 'Link', title: 'Link', run: editLink, active: (e) => e.isActive('link') },
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
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => BUTTONS.map((b) => b.active?.(e) ?? false),
  });
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {BUTTONS.map((button, i) => (
        <button
          key={button.title}
          type="button"
          title={button.title}
          aria-label={button.title}
          aria-pressed={button.active ? active[i] : undefined}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => button.run(editor)}
        >
          {button.label}
        </button>
      ))}
    </div>
  );
}
