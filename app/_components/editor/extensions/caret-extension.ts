import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { CaretActivity } from './caret-idle';

export type CaretUser = { name?: string; color?: string; state?: string | null; role?: string };

function caret(user: CaretUser, label: (user: CaretUser) => string, clientId: number, fresh: boolean): HTMLElement {
  const cursor = document.createElement('span');
  cursor.className = fresh ? 'collab-caret' : 'collab-caret idle';
  cursor.dataset.client = String(clientId);
  // Drawn for the eye only: read aloud, the label would land in the middle of a sentence. Who is where
  // is said by the "who is here" list (presence.tsx).
  cursor.setAttribute('aria-hidden', 'true');
  cursor.style.borderColor = user.color ?? '#444';
  const name = document.createElement('span');
  name.className = 'collab-caret-label';
  name.style.background = user.color ?? '#444';
  name.textContent = label(user);
  // Shrunk to a flag, the label opens on hover and names the person in the pointer's tooltip as well.
  name.title = name.textContent;
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
      const activity = new CaretActivity(awareness);
      return [
        activity.plugin(),
        yCursorPlugin(awareness, {
          // Observers are counted in the presence list, never drawn as carets.
          awarenessStateFilter: (own: number, other: number, user: CaretUser | undefined) =>
            own !== other && user?.role !== 'observer',
          cursorBuilder: (user: CaretUser, clientId: number) =>
            caret(user, label, clientId, activity.isFresh(clientId)),
          selectionBuilder: (user: CaretUser) => ({
            style: `background-color: ${user.color ?? '#444'}33`,
            class: 'collab-selection',
          }),
        }),
      ];
    },
  },
);
