import type { Editor } from '@tiptap/core';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { useEffect } from 'react';
import type { AmendmentView } from '../../../lib/shared/amendments';
import { decorationExtension } from '../editor/extensions/decoration-extension';
import { placeOf } from '../editor/passage-positions';
import { followNegotiation } from './follow-negotiation';
import { parseRoom } from '../../../lib/shared/rooms';
import { stateColor } from '../../../lib/shared/state-colors';

type Marked = { amendments: readonly AmendmentView[]; label: (a: AmendmentView) => string };

/**
 * Marks the passages of pending amendments in the live text, in the proposing state's colour, wherever
 * edits have moved them: struck for a deletion or replacement, underlined after it for an insertion.
 * The text itself is untouched: an amendment changes it only once accepted.
 */
const marks = decorationExtension<Marked>('amendmentMarks', (state, value) => {
  if (!value) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const amendment of value.amendments) {
    if (amendment.status !== 'pending') continue;
    const place = placeOf(state, { text: amendment.targetText, from: amendment.from, to: amendment.to });
    if (!place || place.from >= place.to) continue;
    decorations.push(
      Decoration.inline(place.from, place.to, {
        class: `amendment-mark ${amendment.kind}`,
        'data-amendment': String(amendment.number),
        'data-state': amendment.sponsorState ?? 'chair',
        title: value.label(amendment),
        style: `--amendment-color: ${stateColor(amendment.sponsorState)}`,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
});

export const AmendmentMarks = marks.extension;

/** Keeps the marks in step with the section's amendments: fetched once, then as the server sends them. */
export function useAmendmentMarks(editor: Editor | null, roomId: string, label: (a: AmendmentView) => string): void {
  useEffect(() => {
    const room = parseRoom(roomId);
    if (!editor || room?.kind !== 'section') return;
    const show = (amendments: AmendmentView[]) => {
      if (!editor.isDestroyed) marks.set(editor, { amendments, label });
    };
    return followNegotiation(roomId, `/api/sections/${room.sectionId}/amendments`, {
      read: (body) => (body as { amendments: AmendmentView[] }).amendments,
      pushed: (event) => event.amendments,
      show,
    });
  }, [editor, roomId, label]);
}
