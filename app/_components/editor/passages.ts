import type { Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { base64FromBytes, bytesFromBase64 } from '../../../lib/shared/base64';
import { QUOTE_MAX_CHARS, type Quote } from '../../../lib/shared/discussion';
import { decorationExtension } from './extensions/decoration-extension';
import { announceRoomEvent, onRoomEvent } from '../room/room-events';

type Sync = { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } | null };

function syncOf(state: EditorState): Sync | null {
  const sync = ySyncPluginKey.getState(state) as Sync | undefined;
  return sync?.binding ? sync : null;
}

/** The selected passage of the live text, to discuss: its text, and its place as Yjs positions that follow edits. */
export function selectedPassage(editor: Editor): Quote | null {
  const { state } = editor;
  const sync = syncOf(state);
  const { from, to, empty } = state.selection;
  const text = state.doc.textBetween(from, to, '\n').trim();
  if (!sync || empty || !text) return null;
  // The editor's positions lean on the character before them (as a caret does); the passage's start must
  // lean on its first character instead, so that words typed just before it stay outside it.
  const at = (pos: number, assoc: -1 | 0) => {
    const leaning = absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping as never) as Y.RelativePosition;
    const place = Y.createAbsolutePositionFromRelativePosition(leaning, sync.doc);
    const relative = place ? Y.createRelativePositionFromTypeIndex(place.type, place.index, assoc) : leaning;
    return base64FromBytes(Y.encodeRelativePosition(relative));
  };
  const quoted = text.length > QUOTE_MAX_CHARS ? `${text.slice(0, QUOTE_MAX_CHARS - 1)}…` : text;
  return { text: quoted, from: at(from, 0), to: at(to, -1) };
}

/**
 * The editor position of a Yjs one. y-tiptap refuses a position on a character that resolves to the
 * very start of the document (it takes it for one misplaced by blocks moved by drag and drop), which the
 * first words of a section are: within a text, count from the text's start instead, which it accepts.
 */
function editorPosition(sync: Sync, relative: Y.RelativePosition): number | null {
  const mapping = sync.binding!.mapping as never;
  const place = Y.createAbsolutePositionFromRelativePosition(relative, sync.doc);
  if (!place) return null;
  const item = place.type._item;
  if (!(place.type instanceof Y.XmlText) || !item) return relativePositionToAbsolutePosition(sync.doc, sync.type, relative, mapping);
  if (item.deleted) return null;
  const start = relativePositionToAbsolutePosition(sync.doc, sync.type, new Y.RelativePosition(item.id, null, null, -1), mapping);
  return start === null ? null : start + place.index;
}

/** Where a quoted passage stands in the live text now; null when its text was deleted. */
function placeOf(state: EditorState, quote: Quote): { from: number; to: number } | null {
  const sync = syncOf(state);
  if (!sync) return null;
  try {
    const from = editorPosition(sync, Y.decodeRelativePosition(bytesFromBase64(quote.from)));
    const to = editorPosition(sync, Y.decodeRelativePosition(bytesFromBase64(quote.to)));
    if (from === null || to === null || from >= to || to > state.doc.content.size) return null;
    return { from, to };
  } catch {
    return null;
  }
}

/** Marks the passage a discussion message is about, wherever edits have moved it. */
const marks = decorationExtension<Quote | null>('passageMark', (state, quote) => {
  const place = quote && placeOf(state, quote);
  return place ? DecorationSet.create(state.doc, [Decoration.inline(place.from, place.to, { class: 'passage-mark' })]) : DecorationSet.empty;
});

export const PassageMark = marks.extension;

/** Brings the marked passage into view; false when there is none (not in the text, or not rendered yet). */
function scrollToPassage(editor: Editor): boolean {
  const mark = editor.view.dom.querySelector('.passage-mark');
  mark?.scrollIntoView({ block: 'center' });
  return mark !== null;
}

/** How long a passage not found is looked for as the text renders, before the reader is told it is gone. */
const LOOK_FOR_MS = 1_500;

/**
 * The editor's side of discussing passages: offers the selection to the discussion, and marks the
 * passage of a message the reader asked to see (back in the live text first, when viewing history).
 */
export function usePassages(
  editor: Editor | null,
  roomId: string,
  { canDiscuss, live, arrived, toLive }: { canDiscuss: boolean; live: boolean; arrived: boolean; toLive: () => void },
) {
  const [selected, setSelected] = useState(false);
  // Wrapped, so that asking again for the same passage looks for it again.
  const [shown, setShown] = useState<{ quote: Quote } | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (!editor) return;
    const update = () => setSelected(!editor.state.selection.empty);
    editor.on('selectionUpdate', update);
    return () => void editor.off('selectionUpdate', update);
  }, [editor]);

  useEffect(
    () =>
      onRoomEvent(roomId, (event) => {
        if (event.kind !== 'show-passage') return;
        setShown({ quote: event.quote });
        toLive();
      }),
    [roomId, toLive],
  );

  // Once the document has arrived, and after the history views have put the live text back (their effects run before this one).
  useEffect(() => {
    setMissing(false);
    if (!editor || !live || !arrived || !shown) return;
    marks.set(editor, shown.quote);
    if (scrollToPassage(editor)) return;
    // The arrived text may not be in the editor yet: look again as it renders.
    const look = () => scrollToPassage(editor) && stop();
    const timer = setTimeout(() => {
      if (!scrollToPassage(editor)) setMissing(true);
      stop();
    }, LOOK_FOR_MS);
    const stop = () => {
      clearTimeout(timer);
      editor.off('update', look);
    };
    editor.on('update', look);
    return stop;
  }, [editor, live, arrived, shown]);

  const discuss = () => {
    const quote = editor && selectedPassage(editor);
    if (quote) announceRoomEvent({ room: roomId, kind: 'quote', quote });
  };
  return { canQuote: canDiscuss && live && selected, discuss, missing };
}
