import type { Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { bytesFromBase64 } from '../../../../lib/shared/base64';
import { decorationExtension } from './decoration-extension';
import { syncOf, type Sync } from './y-sync-state';

/** A paragraph to mark in the live text: the overlap it belongs to, its anchor (base64) and a label. */
export type Highlight = { id: string; anchor: string; label: string; focused?: boolean };

/**
 * Marks the paragraphs of overlaps in the live editor. Paragraphs are found through their Yjs anchors,
 * so a mark stays on its paragraph while anyone types before it, in it or around it.
 */
const highlights = decorationExtension<readonly Highlight[]>(
  'overlapHighlights',
  (state, value) => decorate(state, value ?? []),
  {
    // Cross-references between sections are followed on click, also where the text is editable.
    handleClick: (_view, _pos, event) => {
      const link = (event.target as HTMLElement | null)?.closest?.('a[href^="/plans/"]');
      if (!link) return false;
      window.location.assign(link.getAttribute('href')!);
      return true;
    },
  },
);

export const OverlapHighlights = highlights.extension;

export function setOverlapHighlights(editor: Editor, value: readonly Highlight[]): void {
  highlights.set(editor, value);
}

function decorate(state: EditorState, highlights: readonly Highlight[]): DecorationSet {
  const sync = syncOf(state);
  if (!sync || !highlights.length) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const highlight of highlights) {
    const position = paragraphAt(state, sync, highlight.anchor);
    if (!position) continue;
    decorations.push(
      Decoration.node(position.from, position.to, {
        class: `overlap-highlight${highlight.focused ? ' focused' : ''}`,
        'data-overlap-id': highlight.id,
        title: highlight.label,
        // The title shows on hover only: the description reaches a screen reader in the paragraph, too.
        'aria-description': highlight.label,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

function paragraphAt(state: EditorState, sync: Sync, anchor: string) {
  try {
    const relative = Y.decodeRelativePosition(bytesFromBase64(anchor));
    const pos = relativePositionToAbsolutePosition(sync.doc, sync.type, relative, sync.binding!.mapping as never);
    if (pos === null || pos > state.doc.content.size) return null;
    const $pos = state.doc.resolve(pos);
    return $pos.depth === 0 ? null : { from: $pos.before(), to: $pos.after() };
  } catch {
    // A deleted paragraph has no place in the editor; the next analysis closes its overlap.
    return null;
  }
}
