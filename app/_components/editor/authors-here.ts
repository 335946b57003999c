import type { Editor } from '@tiptap/core';
import * as Y from 'yjs';
import { EDITOR_FIELD } from '../../../lib/shared/rooms';

/** Characters of the text under the caret (its paragraph) or of the selection, per author's user id ('' for seeded text). */
export type AuthorCounts = { selection: boolean; byUser: Map<string, number> };

type Run = { text: string; userId: string };

/**
 * Who wrote the paragraph the caret is in, or the selected text: counted from the Yjs items of the
 * top-level blocks the selection touches (each block of the editor is one child of the Yjs fragment),
 * clipped to the selection's characters.
 */
export function authorsHere(editor: Editor, doc: Y.Doc, users: Y.PermanentUserData): AuthorCounts {
  const { state } = editor;
  const { from, to, empty } = state.selection;
  const fragment = doc.getXmlFragment(EDITOR_FIELD);
  const first = state.doc.resolve(from).index(0);
  const last = state.doc.resolve(to).index(0);
  const byUser = new Map<string, number>();
  let blockStart = 0;
  state.doc.forEach((block, offset, index) => {
    if (index < first || index > last) return;
    blockStart = offset;
    const runs = runsOf(fragment.get(index), users);
    // Offsets within the block's text: textBetween counts only characters, as the Yjs runs do.
    const start = empty || index > first ? 0 : state.doc.textBetween(blockStart, from, '', '').length;
    const end = empty || index < last ? Infinity : state.doc.textBetween(blockStart, to, '', '').length;
    let at = 0;
    for (const run of runs) {
      const taken = Math.max(0, Math.min(end, at + run.text.length) - Math.max(start, at));
      if (taken > 0) byUser.set(run.userId, (byUser.get(run.userId) ?? 0) + taken);
      at += run.text.length;
    }
  });
  return { selection: !empty, byUser };
}

/** A block's text as runs by author, in order: from the Yjs items as they are now (`snapshot`: the document's, taken once for many blocks). */
export function runsOf(
  node: Y.XmlElement | Y.XmlText | undefined,
  users: Y.PermanentUserData,
  snapshot: Y.Snapshot = Y.snapshot(node?.doc ?? new Y.Doc()),
): Run[] {
  if (!node) return [];
  if (node instanceof Y.XmlText) {
    const who = (_change: 'added' | 'removed', id: Y.ID) => ({
      user: users.getUserByClientId(id.client) as string | null,
    });
    const delta = node.toDelta(snapshot, Y.emptySnapshot, who) as Array<{
      insert: unknown;
      attributes?: { ychange?: { user: string | null } };
    }>;
    return delta.flatMap((op) =>
      typeof op.insert === 'string' ? [{ text: op.insert, userId: op.attributes?.ychange?.user ?? '' }] : [],
    );
  }
  return node.toArray().flatMap((child) => runsOf(child as Y.XmlElement | Y.XmlText, users, snapshot));
}
