import type { Editor } from '@tiptap/core';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Quote } from '../../../../lib/shared/discussion';
import { placeOf } from '../passage-positions';
import { decorationExtension } from './decoration-extension';

/** Marks the passage a discussion message is about, wherever edits have moved it. */
const marks = decorationExtension<Quote | null>('passageMark', (state, quote) => {
  const place = quote && placeOf(state, quote);
  return place
    ? DecorationSet.create(state.doc, [Decoration.inline(place.from, place.to, { class: 'passage-mark' })])
    : DecorationSet.empty;
});

export const PassageMark = marks.extension;

export function markPassage(editor: Editor, quote: Quote): void {
  marks.set(editor, quote);
}

/**
 * Brings the marked passage into view, with the caret at its start when the text can take focus (a
 * keyboard user reads on from there); false when there is none (not in the text, or not rendered yet).
 */
export function scrollToPassage(editor: Editor): boolean {
  const mark = editor.view.dom.querySelector('.passage-mark');
  if (!mark) return false;
  if (editor.isEditable)
    editor.chain().setTextSelection(editor.view.posAtDOM(mark, 0)).focus(undefined, { scrollIntoView: false }).run();
  mark.scrollIntoView({ block: 'center' });
  return true;
}
