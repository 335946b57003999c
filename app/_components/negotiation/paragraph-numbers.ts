import { Extension, type Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { useEffect } from 'react';
import { isNumbered, paragraphNumber, type SectionNumbering } from '../../../lib/shared/paragraph-numbers';
import { parseRoom } from '../../../lib/shared/rooms';
import { followNegotiation } from './follow-negotiation';

type Numbers = { numbering: SectionNumbering; set: DecorationSet };

const key = new PluginKey<Numbers>('paragraphNumbers');

/**
 * Shows each numbered paragraph's number in the margin. The number is a node decoration (an attribute
 * the stylesheet prints before the paragraph), never text: it is not in the shared document, is not
 * copied with a selection, and is worked out again on every change, so it follows insertions above.
 * Numbered as the page was rendered, then as the server says (useParagraphNumbering).
 */
export const ParagraphNumbers = Extension.create<{ sectionNumber: number; continuousFrom: number | null }>({
  name: 'paragraphNumbers',
  addOptions() {
    return { sectionNumber: 0, continuousFrom: null };
  },
  addProseMirrorPlugins() {
    const initial: SectionNumbering = {
      section: this.options.sectionNumber,
      continuousFrom: this.options.continuousFrom,
    };
    return [
      new Plugin<Numbers>({
        key,
        state: {
          init: (_config, state) => ({ numbering: initial, set: numbers(state.doc, initial) }),
          apply: (tr, value) => {
            const numbering = (tr.getMeta(key) as SectionNumbering | undefined) ?? value.numbering;
            return tr.docChanged || numbering !== value.numbering
              ? { numbering, set: numbers(tr.doc, numbering) }
              : value;
          },
        },
        props: { decorations: (state) => key.getState(state)?.set },
      }),
    ];
  },
});

function numbers(doc: PmNode, numbering: SectionNumbering): DecorationSet {
  const decorations: Decoration[] = [];
  let index = 0;
  doc.forEach((node, offset) => {
    if (!isNumbered(node.type.name, node.textContent)) return;
    decorations.push(
      Decoration.node(offset, offset + node.nodeSize, {
        class: 'numbered',
        'data-paragraph-number': paragraphNumber(numbering, index++),
      }),
    );
  });
  return DecorationSet.create(doc, decorations);
}

function same(a: SectionNumbering, b: SectionNumbering): boolean {
  return a.section === b.section && a.continuousFrom === b.continuousFrom;
}

/**
 * Keeps the margin's numbers in the plan's numbering (by section, or continuous from the paragraphs of the
 * sections before): read with the section's paragraph statuses, and again whenever the server sends them
 * (it does when the chair switches the numbering).
 */
export function useParagraphNumbering(editor: Editor | null, roomId: string): void {
  useEffect(() => {
    const room = parseRoom(roomId);
    if (!editor || room?.kind !== 'section') return;
    const show = (numbering: SectionNumbering | undefined) => {
      if (!numbering || editor.isDestroyed) return;
      const current = key.getState(editor.state)?.numbering;
      if (!current || same(current, numbering)) return;
      editor.view.dispatch(editor.state.tr.setMeta(key, numbering).setMeta('addToHistory', false));
    };
    return followNegotiation(roomId, `/api/sections/${room.sectionId}/paragraph-status`, {
      read: (body) => (body as { numbering?: SectionNumbering }).numbering,
      pushed: (event) => event.numbering,
      show,
    });
  }, [editor, roomId]);
}
