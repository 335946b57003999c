'use client';

import type { Editor } from '@tiptap/react';
import { useEffect } from 'react';
import { setOverlapHighlights, type Highlight } from './extensions/overlap-highlights';
import { scrollToWhenThere } from './scroll-to-when-there';

const NO_HIGHLIGHTS: readonly Highlight[] = [];

/** Marks the overlaps' paragraphs in the editor; brings the focused one, or a cross-reference's target, into view. */
export function useOverlapHighlights(editor: Editor | null, highlights: readonly Highlight[] = NO_HIGHLIGHTS) {
  useEffect(() => {
    if (!editor) return;
    setOverlapHighlights(editor, highlights);
    const focused = highlights.find((h) => h.focused);
    if (focused) return scrollToWhenThere(editor, `[data-overlap-id="${focused.id}"]`);
  }, [editor, highlights]);

  // A cross-reference's target (#merged-…) exists only once the document has synced.
  useEffect(() => {
    const hash = window.location.hash;
    if (editor && /^#merged-[0-9a-f-]+$/.test(hash)) return scrollToWhenThere(editor, hash);
  }, [editor]);
}
