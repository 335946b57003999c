import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { findAll } from '../../../../lib/shared/find-text';
import { decorationExtension } from './decoration-extension';

/** Words to mark wherever they occur, and the block (among those holding text) to bring into view. */
export type Find = { query: string; block: number };

/** Marks a search's words in the live text as people type, the way the plan search found them. */
const marks = decorationExtension<Find | null>('findHighlights', (state, find) => decorate(state.doc, find ?? null));

export const FindHighlights = marks.extension;

export function setFind(editor: Editor, find: Find | null): void {
  marks.set(editor, find);
}

function decorate(doc: ProseMirrorNode, find: Find | null): DecorationSet {
  if (!find) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  let block = -1;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (!node.textContent.trim()) return false;
    block++;
    // The paragraph's text as one string, so words across formatting (a bold word in the phrase) are found
    // as the plan search finds them; a break or other inline leaf is one character, as long as it is in the document.
    const text = node.textBetween(0, node.content.size, undefined, '\n');
    for (const [i, { from, to }] of findAll(text, find.query).entries()) {
      const focused = i === 0 && block === find.block;
      decorations.push(
        Decoration.inline(pos + 1 + from, pos + 1 + to, { class: focused ? 'find-match focused' : 'find-match' }),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}
