import type { Editor } from '@tiptap/core';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { useEffect } from 'react';
import type { AmendmentView } from '../../../lib/shared/amendments';
import { decorationExtension } from '../editor/extensions/decoration-extension';
import { placeOf } from '../editor/passage-positions';
import { onRoomEvent } from '../room/room-events';
import { api } from '../api-client';
import { parseRoom } from '../../../lib/shared/rooms';
import { stateColor, stateColorLight } from '../../../lib/shared/state-colors';

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
        style: `--amendment-color: ${stateColor(amendment.sponsorState)}; --amendment-light: ${stateColorLight(amendment.sponsorState)}`,
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
    let pushes = 0;
    const load = () => {
      const before = pushes;
      api<{ amendments: AmendmentView[] }>('GET', `/api/sections/${room.sectionId}/amendments`).then(
        (result) => pushes === before && show(result.amendments),
        // Unmarked text is still the text: the panel below says what failed.
        () => {},
      );
    };
    load();
    return onRoomEvent(roomId, (event) => {
      // Read again once the connection is in the room: an amendment made while the page loaded is not missed.
      if (event.kind === 'synced' || event.kind === 'resynced') load();
      if (event.kind !== 'amendments') return;
      pushes++;
      show(event.amendments);
    });
  }, [editor, roomId, label]);
}
