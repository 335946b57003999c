'use client';

import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import type { Quote } from '../../../lib/shared/discussion';
import { announceRoomEvent, onRoomEvent } from '../room/room-events';
import { markPassage, scrollToPassage } from './extensions/passage-mark';
import { selectedPassage } from './passage-positions';
import { useHasSelection } from './use-has-selection';

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
  const selected = useHasSelection(editor);
  // Wrapped, so that asking again for the same passage looks for it again.
  const [shown, setShown] = useState<{ quote: Quote } | null>(null);
  const [missing, setMissing] = useState(false);

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
    markPassage(editor, shown.quote);
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
