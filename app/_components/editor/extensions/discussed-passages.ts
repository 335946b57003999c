import type { Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { DiscussedPassage } from '../../../../lib/shared/discussed-passage';
import { placeOf } from '../passage-positions';
import { decorationExtension } from './decoration-extension';

type Marked = { passages: readonly DiscussedPassage[]; focusable: boolean };

/** Where each passage stands now; those whose text was deleted are left out. */
function placed(state: EditorState, passages: readonly DiscussedPassage[]) {
  return passages.flatMap((passage) => {
    const place = placeOf(state, passage.quote);
    return place ? [{ passage, ...place }] : [];
  });
}

/**
 * Underlines the passages of the section's open threads, wherever edits have moved them. In a text the
 * reader cannot edit, each can take the keyboard's focus (Tab), so its message is shown on focus as on
 * hover; in an editable text the caret inside it does the same.
 */
const marks = decorationExtension<Marked>('discussedPassages', (state, marked) =>
  marked
    ? DecorationSet.create(
        state.doc,
        placed(state, marked.passages).map(({ passage, from, to }) =>
          Decoration.inline(from, to, {
            class: 'discussed-passage',
            'data-thread': passage.id,
            ...(marked.focusable && { tabindex: '0' }),
          }),
        ),
      )
    : DecorationSet.empty,
);

export const DiscussedPassages = marks.extension;

export function setDiscussedPassages(editor: Editor, passages: readonly DiscussedPassage[]): void {
  marks.set(editor, { passages, focusable: !editor.isEditable });
}

/** The passage the caret is in, if any (the shortest, when passages nest). */
export function discussedPassageAt(
  state: EditorState,
  passages: readonly DiscussedPassage[],
  pos: number,
): DiscussedPassage | null {
  const around = placed(state, passages).filter((p) => p.from <= pos && pos <= p.to);
  around.sort((a, b) => a.to - a.from - (b.to - b.from));
  return around[0]?.passage ?? null;
}
