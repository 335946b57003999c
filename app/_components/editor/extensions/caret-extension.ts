import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

export type CaretUser = { name?: string; color?: string; state?: string | null; role?: string };

function caret(user: CaretUser, label: (user: CaretUser) => string): HTMLElement {
  const cursor = document.createElement('span');
  cursor.className = 'collab-caret';
  // Drawn for the eye only: read aloud, the label would land in the middle of a sentence. Who is where
  // is said by the "who is here" list (presence.tsx).
  cursor.setAttribute('aria-hidden', 'true');
  cursor.style.borderColor = user.color ?? '#444';
  const name = document.createElement('span');
  name.className = 'collab-caret-label';
  name.style.background = user.color ?? '#444';
  name.textContent = label(user);
  cursor.append(name);
  return cursor;
}

/**
 * Other people's carets and selections, drawn by the cursor plugin of the same @tiptap/y-tiptap
 * that the Collaboration extension uses (so all @tiptap packages stay on one version). `label`: the
 * words on a caret, in the reader's language (asked each time a caret is drawn).
 */
export const CollaborationCaret = Extension.create<{ awareness: Awareness | null; label: (user: CaretUser) => string }>(
  {
    name: 'collaborationCaret',
    addOptions: () => ({ awareness: null, label: (user) => user.name ?? '' }),
    addProseMirrorPlugins() {
      const { awareness, label } = this.options;
      if (!awareness) return [];
      return [
        yCursorPlugin(awareness, {
          // Observers are counted in the presence list, never drawn as carets.
          awarenessStateFilter: (own: number, other: number, user: CaretUser | undefined) =>
            own !== other && user?.role !== 'observer',
          cursorBuilder: (user: CaretUser) => caret(user, label),
          selectionBuilder: (user: CaretUser) => ({
            style: `background-color: ${user.color ?? '#444'}33`,
            class: 'collab-selection',
          }),
        }),
      ];
    },
  },
);
