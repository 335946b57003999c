import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

type CaretUser = { name?: string; color?: string; state?: string | null; role?: string };

function caret(user: CaretUser): HTMLElement {
  const cursor = document.createElement('span');
  cursor.className = 'collab-caret';
  cursor.style.borderColor = user.color ?? '#444';
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.style.background = user.color ?? '#444';
  label.textContent = user.state ? `${user.name ?? 'Someone'} · ${user.state}` : (user.name ?? 'Someone');
  cursor.append(label);
  return cursor;
}

/**
 * Other people's carets and selections, drawn by the cursor plugin of the same @tiptap/y-tiptap
 * that the Collaboration extension uses (so all @tiptap packages stay on one version).
 */
export const CollaborationCaret = Extension.create<{ awareness: Awareness | null }>({
  name: 'collaborationCaret',
  addOptions: () => ({ awareness: null }),
  addProseMirrorPlugins() {
    const { awareness } = this.options;
    if (!awareness) return [];
    return [
      yCursorPlugin(awareness, {
        // Observers are counted in the presence list, never drawn as carets.
        awarenessStateFilter: (own: number, other: number, user: CaretUser | undefined) => own !== other && user?.role !== 'observer',
        cursorBuilder: (user: CaretUser) => caret(user),
        selectionBuilder: (user: CaretUser) => ({ style: `background-color: ${user.color ?? '#444'}33`, class: 'collab-selection' }),
      }),
    ];
  },
});
