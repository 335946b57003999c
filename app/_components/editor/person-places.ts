import type { Editor } from '@tiptap/core';
import { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { syncOf } from './extensions/y-sync-state';

/** Where someone's caret is: the block's number from the top (1-based) and its first words. */
export type Place = { block: number; words: string };

/** How many characters of a block name it in the "who is here" list: enough to recognise, short to hear. */
const WORDS_CHARS = 60;

/**
 * The block each other person's caret is in, by awareness client id: said in words in the "who is here"
 * list, since their carets are drawn for the eye only (hidden from assistive technology).
 */
export function personPlaces(editor: Editor, awareness: Awareness): Map<number, Place> {
  const places = new Map<number, Place>();
  const sync = syncOf(editor.state);
  if (!sync?.binding) return places;
  const { doc } = editor.state;
  awareness.getStates().forEach((state, clientId) => {
    const head = (state as { cursor?: { head?: unknown } }).cursor?.head;
    if (clientId === awareness.clientID || !head) return;
    const pos = relativePositionToAbsolutePosition(
      sync.doc,
      sync.type,
      Y.createRelativePositionFromJSON(head),
      sync.binding!.mapping as never,
    );
    if (pos === null || pos > doc.content.size) return;
    const index = doc.resolve(pos).index(0);
    const block = doc.maybeChild(index);
    if (!block) return;
    const text = block.textContent.trim();
    places.set(clientId, {
      block: index + 1,
      words: text.length > WORDS_CHARS ? `${text.slice(0, WORDS_CHARS).trimEnd()}…` : text,
    });
  });
  return places;
}
