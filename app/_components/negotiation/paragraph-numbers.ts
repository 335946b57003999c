import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { isNumbered, paragraphNumber } from '../../../lib/shared/paragraph-numbers';

const key = new PluginKey<DecorationSet>('paragraphNumbers');

/**
 * Shows each numbered paragraph's number in the margin. The number is a node decoration (an attribute
 * the stylesheet prints before the paragraph), never text: it is not in the shared document, is not
 * copied with a selection, and is worked out again on every change, so it follows insertions above.
 */
export const ParagraphNumbers = Extension.create<{ sectionNumber: number }>({
  name: 'paragraphNumbers',
  addOptions() {
    return { sectionNumber: 0 };
  },
  addProseMirrorPlugins() {
    const { sectionNumber } = this.options;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => numbers(state.doc, sectionNumber),
          apply: (tr, set) => (tr.docChanged ? numbers(tr.doc, sectionNumber) : set),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});

function numbers(doc: PmNode, sectionNumber: number): DecorationSet {
  const decorations: Decoration[] = [];
  let index = 0;
  doc.forEach((node, offset) => {
    if (!isNumbered(node.type.name, node.textContent)) return;
    decorations.push(
      Decoration.node(offset, offset + node.nodeSize, {
        class: 'numbered',
        'data-paragraph-number': paragraphNumber(sectionNumber, index++),
      }),
    );
  });
  return DecorationSet.create(doc, decorations);
}
