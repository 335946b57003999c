'use client';

import { useEffect, useState } from 'react';
import { textBlocks } from '../../../lib/documents/paragraphs';
import { READ_IN_MAX_CHARS, READ_IN_MAX_PARAGRAPHS, type ReadInResponse } from '../../../lib/shared/read-in';
import { textBatches } from '../../../lib/shared/text-batches';
import type { TextLanguage } from '../../../lib/shared/text-languages';
import { api } from '../api-client';
import { openRoom } from '../room/room-connection';

/** A paragraph of the section as read: its text now, its language, and its translation (null: already in the language). */
export type ReadParagraph = { text: string; language: TextLanguage | null; translation: string | null };

/** Edits settle this long before the changed paragraphs are sent for translation: a word typed is not a request. */
const SETTLE_MS = 600;

/**
 * The section's live text machine-translated into `into`, paragraph by paragraph. It follows the room
 * through its own connection; once edits settle, only paragraphs not translated yet are sent, so an edit
 * costs the paragraphs it changed. Translations stay in this page's memory: nothing is stored as the text.
 */
export function useMachineReading(
  sectionId: string,
  roomId: string,
  into: TextLanguage | null,
  onError: (error: unknown) => void,
) {
  const [paragraphs, setParagraphs] = useState<ReadParagraph[]>([]);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!into) return;
    const known = new Map<string, { language: TextLanguage; translation: string | null }>();
    const { doc, provider } = openRoom(roomId);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const show = () => {
      const texts = textBlocks(doc).map((block) => block.text);
      setParagraphs(
        texts.map((text) => ({
          text,
          language: known.get(text)?.language ?? null,
          translation: known.get(text)?.translation ?? null,
        })),
      );
      return texts;
    };
    const update = async () => {
      const missing = [...new Set(show().filter((text) => !known.has(text)))];
      if (!missing.length) return;
      setPending(true);
      try {
        for (const batch of textBatches(missing, { maxItems: READ_IN_MAX_PARAGRAPHS, maxChars: READ_IN_MAX_CHARS })) {
          const result = await api<ReadInResponse>('POST', `/api/sections/${sectionId}/translations`, {
            into,
            paragraphs: batch,
          });
          batch.forEach((text, i) => known.set(text, result.paragraphs[i]!));
        }
        if (!stopped) show();
      } catch (error) {
        if (!stopped) onError(error);
      } finally {
        if (!stopped) setPending(false);
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void update(), SETTLE_MS);
    };
    doc.on('update', schedule);
    return () => {
      stopped = true;
      clearTimeout(timer);
      doc.off('update', schedule);
      provider.destroy();
      doc.destroy();
      setParagraphs([]);
    };
  }, [sectionId, roomId, into, onError]);
  return { paragraphs, pending };
}
