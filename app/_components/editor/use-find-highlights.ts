'use client';

import type { Editor } from '@tiptap/react';
import { useEffect } from 'react';
import { setFind, type Find } from './extensions/find-highlights';
import { scrollToWhenThere } from './scroll-to-when-there';

/** Marks the plan search's words in the editor and brings the chosen paragraph's into view. */
export function useFindHighlights(editor: Editor | null, find: Find | undefined) {
  const query = find?.query;
  const block = find?.block;
  useEffect(() => {
    if (!editor) return;
    setFind(editor, query === undefined ? null : { query, block: block ?? 0 });
    if (query !== undefined) return scrollToWhenThere(editor, '.find-match.focused');
  }, [editor, query, block]);
}
