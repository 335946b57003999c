import type { Editor } from '@tiptap/core';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { useEffect } from 'react';
import { parseRoom } from '../../../lib/shared/rooms';
import { decorationExtension } from '../editor/extensions/decoration-extension';
import { followNegotiation } from './follow-negotiation';

const MERGED_LINK = /#merged-([0-9a-f-]{36})$/i;

/**
 * Shows a merge's cross-reference as the number its paragraph has now ("See 17"), as the exports print
 * it, in place of the words the merge wrote ("section 2, paragraph 3"): those stay in the shared text,
 * hidden, and the number is drawn after them, a link to the same place. The numbers come from the server
 * (message 107), so they follow renumbering and the chair's numbering switch.
 */
const marks = decorationExtension<Record<string, string>>('referenceNumbers', (state, numbers) => {
  if (!numbers) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  let open: { from: number; to: number; href: string; text: string } | null = null;
  const close = () => {
    const id = open && MERGED_LINK.exec(open.href)?.[1]?.toLowerCase();
    const number = id ? numbers[id] : undefined;
    if (open && number && open.text !== number) {
      const { href } = open;
      decorations.push(
        Decoration.inline(open.from, open.to, { class: 'reference-words' }),
        Decoration.widget(open.to, () => link(href, number), { side: -1, key: `ref-${open.from}-${number}` }),
      );
    }
    open = null;
  };
  state.doc.descendants((node, pos) => {
    if (!node.isText) {
      if (!node.isInline) close();
      return true;
    }
    const href = node.marks.find((m) => m.type.name === 'link')?.attrs.href as string | undefined;
    if (open && href === open.href && open.to === pos) {
      open.to = pos + node.nodeSize;
      open.text += node.text ?? '';
      return false;
    }
    close();
    if (href && MERGED_LINK.test(href)) open = { from: pos, to: pos + node.nodeSize, href, text: node.text ?? '' };
    return false;
  });
  close();
  return DecorationSet.create(state.doc, decorations);
});

export const ReferenceNumbers = marks.extension;

function link(href: string, number: string): HTMLElement {
  const a = document.createElement('a');
  a.href = href;
  a.className = 'reference-number';
  a.textContent = number;
  a.contentEditable = 'false';
  return a;
}

/** Keeps the references' numbers in step with the plan: read once, then as the server sends them. */
export function useReferenceNumbers(editor: Editor | null, roomId: string): void {
  useEffect(() => {
    const room = parseRoom(roomId);
    if (!editor || room?.kind !== 'section') return;
    return followNegotiation(roomId, `/api/sections/${room.sectionId}/paragraph-status`, {
      read: (body) => (body as { references?: Record<string, string> }).references ?? {},
      pushed: (event) => event.references ?? {},
      show: (numbers) => {
        if (!editor.isDestroyed) marks.set(editor, numbers);
      },
    });
  }, [editor, roomId]);
}
