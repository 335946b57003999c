import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** A paragraph to mark in the live text: the overlap it belongs to, its anchor (base64) and a label. */
export type Highlight = { id: string; anchor: string; label: string; focused?: boolean };

const key = new PluginKey<DecorationSet>('overlapHighlights');
const highlightsOf = new WeakMap<Editor, readonly Highlight[]>();

/**
 * Marks the paragraphs of overlaps in the live editor. Paragraphs are found through their Yjs anchors,
 * so a mark stays on its paragraph while anyone types before it, in it or around it.
 */
export const OverlapHighlights = Extension.create({
  name: 'overlapHighlights',
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set, _old, state) => (tr.docChanged || tr.getMeta(key) ? decorate(state, highlightsOf.get(editor) ?? []) : set),
        },
        props: {
          decorations: (state) => key.getState(state),
          // Cross-references between sections are followed on click, also where the text is editable.
          handleClick: (_view, _pos, event) => {
            const link = (event.target as HTMLElement | null)?.closest?.('a[href^="/plans/"]');
            if (!link) return false;
            window.location.assign(link.getAttribute('href')!);
            return true;
          },
        },
      }),
    ];
  },
});

export function setOverlapHighlights(editor: Editor, highlights: readonly Highlight[]): void {
  highlightsOf.set(editor, highlights);
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(key, true));
}

function decorate(state: EditorState, highlights: readonly Highlight[]): DecorationSet {
  const sync = ySyncPluginKey.getState(state) as { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } | null } | undefined;
  if (!sync?.binding || !highlights.length) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const highlight of highlights) {
    const position = paragraphAt(state, sync, highlight.anchor);
    if (!position) continue;
    decorations.push(
      Decoration.node(position.from, position.to, {
        class: `overlap-highlight${highlight.focused ? ' focused' : ''}`,
        'data-overlap-id': highlight.id,
        title: highlight.label,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

function paragraphAt(state: EditorState, sync: { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } | null }, anchor: string) {
  try {
    const relative = Y.decodeRelativePosition(Uint8Array.from(atob(anchor), (c) => c.charCodeAt(0)));
    const pos = relativePositionToAbsolutePosition(sync.doc, sync.type, relative, sync.binding!.mapping as never);
    if (pos === null || pos > state.doc.content.size) return null;
    const $pos = state.doc.resolve(pos);
    return $pos.depth === 0 ? null : { from: $pos.before(), to: $pos.after() };
  } catch {
    // A deleted paragraph has no place in the editor; the next analysis closes its overlap.
    return null;
  }
}
