'use client';

import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import type { DiscussedPassage } from '../../../lib/shared/discussed-passage';
import { lastDiscussedPassages, onRoomEvent } from '../room/room-events';
import { discussedPassageAt, setDiscussedPassages } from './extensions/discussed-passages';

/** The note's widest, as the stylesheet has it (28rem). */
const NOTE_WIDTH = 448;

/** The passage whose message is shown, and where (below its first line, within the editor's frame). */
export type ShownPassage = { passage: DiscussedPassage; top: number; left: number };

/**
 * Marks the passages of the section's open threads (the discussion announces them) and shows the
 * first message of the one under the pointer, focused, or holding a reader's caret.
 */
export function useDiscussedPassages(editor: Editor | null, roomId: string, editable: boolean): ShownPassage | null {
  const [passages, setPassages] = useState<readonly DiscussedPassage[]>(() => lastDiscussedPassages(roomId));
  const [shown, setShown] = useState<ShownPassage | null>(null);
  const current = useRef<DiscussedPassage | null>(null);

  useEffect(() => onRoomEvent(roomId, (event) => event.kind === 'discussed' && setPassages(event.passages)), [roomId]);
  useEffect(() => {
    if (editor && !editor.isDestroyed) setDiscussedPassages(editor, passages);
  }, [editor, passages, editable]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const dom = editor.view.dom;
    const frame = dom.closest('.editor-frame');
    const hide = () => {
      current.current = null;
      setShown(null);
    };
    const show = (passage: DiscussedPassage, anchor: Element | null) => {
      if (!anchor || !frame) return hide();
      current.current = passage;
      const box = anchor.getBoundingClientRect();
      const origin = frame.getBoundingClientRect();
      // Within the frame: the note (at most 28rem wide) does not run off a phone's screen.
      const width = Math.min(NOTE_WIDTH, origin.width - 16);
      const left = Math.max(0, Math.min(box.left - origin.left, origin.width - width - 8));
      setShown({ passage, top: box.bottom - origin.top + 4, left });
    };
    // A new width moves the passage: the note follows it.
    const resized = () => {
      const passage = current.current;
      if (passage) show(passage, dom.querySelector(`.discussed-passage[data-thread="${passage.id}"]`));
    };
    const byElement = (target: EventTarget | null) => {
      const element = target instanceof Element ? target.closest('.discussed-passage') : null;
      const id = element?.getAttribute('data-thread');
      return { element, passage: passages.find((p) => p.id === id) ?? null };
    };
    // A reader moving the caret through the text (arrows, Tab) is shown the message; a writer is not: the
    // note would cover the lines being written and take the clicks meant for them.
    const atCaret = () => {
      if (!editor.isFocused || editor.isEditable) return false;
      const passage = discussedPassageAt(editor.state, passages, editor.state.selection.from);
      if (passage) show(passage, dom.querySelector(`.discussed-passage[data-thread="${passage.id}"]`));
      return Boolean(passage);
    };
    const pointed = (event: Event) => {
      const { element, passage } = byElement(event.target);
      if (passage) show(passage, element);
      else if (!atCaret()) hide();
    };
    const caret = () => {
      if (!atCaret()) hide();
    };
    const left = (event: FocusEvent) => {
      if (!byElement(event.relatedTarget).passage) hide();
    };
    window.addEventListener('resize', resized);
    dom.addEventListener('mouseover', pointed);
    dom.addEventListener('focusin', pointed);
    dom.addEventListener('focusout', left);
    editor.on('selectionUpdate', caret);
    return () => {
      window.removeEventListener('resize', resized);
      dom.removeEventListener('mouseover', pointed);
      dom.removeEventListener('focusin', pointed);
      dom.removeEventListener('focusout', left);
      editor.off('selectionUpdate', caret);
    };
  }, [editor, passages]);

  // A passage resolved or withdrawn meanwhile is no longer shown.
  return shown && passages.some((p) => p.id === shown.passage.id) ? shown : null;
}
