import type { Editor } from '@tiptap/core';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { useEffect } from 'react';
import type { BracketedSpanView } from '../../../lib/shared/bracketed-spans';
import { parseRoom } from '../../../lib/shared/rooms';
import { decorationExtension } from '../editor/extensions/decoration-extension';
import { placeOf } from '../editor/passage-positions';
import { followNegotiation } from './follow-negotiation';
import { bracket } from './paragraph-status-marks';

type Marked = { spans: readonly BracketedSpanView[]; proposedBy: (state: string) => string };

/**
 * Draws each span in brackets where it stands in the live text, followed by its alternatives side by side
 * ("States [shall][should] adopt"), each alternative naming the state that proposed it. Decorations only:
 * the brackets and alternatives are never typed, so no one deletes them by accident and they never reach
 * the shared document; the chair settles them from the status panel.
 */
const marks = decorationExtension<Marked>('bracketedSpans', (state, value) => {
  if (!value) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const span of value.spans) {
    const place = placeOf(state, { text: span.text, from: span.from, to: span.to });
    if (!place || place.from >= place.to) continue;
    decorations.push(
      Decoration.widget(place.from, () => bracket('['), { side: -1, key: `span-open-${span.id}` }),
      Decoration.inline(place.from, place.to, { class: 'bracketed-span', 'data-span': span.id }),
      Decoration.widget(place.to, () => close(span, value.proposedBy), {
        side: 1,
        key: `span-close-${span.id}-${JSON.stringify(span.alternatives)}`,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
});

export const BracketedSpanMarks = marks.extension;

/** The closing bracket, then each alternative in its own brackets, with its proposer after it. */
function close(span: BracketedSpanView, proposedBy: (state: string) => string): HTMLElement {
  const out = document.createElement('span');
  out.contentEditable = 'false';
  out.append(bracket(']'));
  for (const alternative of span.alternatives) {
    const item = document.createElement('span');
    item.className = 'span-alternative';
    item.append(bracket('['), alternative.text);
    if (alternative.state) {
      const by = document.createElement('span');
      by.className = 'span-alternative-by';
      by.textContent = proposedBy(alternative.state);
      item.append(by);
    }
    item.append(bracket(']'));
    out.append(item);
  }
  return out;
}

/** Keeps the brackets in step with the section's spans: fetched once, then as the server sends them. */
export function useBracketedSpanMarks(
  editor: Editor | null,
  roomId: string,
  proposedBy: (state: string) => string,
): void {
  useEffect(() => {
    const room = parseRoom(roomId);
    if (!editor || room?.kind !== 'section') return;
    const show = (spans: BracketedSpanView[]) => {
      if (!editor.isDestroyed) marks.set(editor, { spans, proposedBy });
    };
    return followNegotiation(roomId, `/api/sections/${room.sectionId}/paragraph-status`, {
      read: (body) => (body as { spans?: BracketedSpanView[] }).spans ?? [],
      pushed: (event) => event.spans,
      show,
    });
  }, [editor, roomId, proposedBy]);
}
