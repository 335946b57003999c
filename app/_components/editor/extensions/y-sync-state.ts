import type { EditorState } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/** What binds the editor to the Yjs type: positions map through it, and it renders snapshots (history views). */
type Binding = {
  mapping: Map<unknown, unknown>;
  renderSnapshot(snapshot: Y.Snapshot, prev: Y.Snapshot): void;
  unrenderSnapshot(): void;
};

/** The Collaboration extension's state in an editor: the Yjs document, its type, and the binding between them. */
export type Sync = { doc: Y.Doc; type: Y.XmlFragment; binding: Binding | null };

/** The editor's Yjs sync state, once it is bound to the document; null before. */
export function syncOf(state: EditorState): Sync | null {
  const sync = ySyncPluginKey.getState(state) as Sync | undefined;
  return sync?.binding ? sync : null;
}
