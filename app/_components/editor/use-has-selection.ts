'use client';

import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';

/** Whether words are selected in the editor, kept as the selection moves (what discussing or amending offers on). */
export function useHasSelection(editor: Editor | null): boolean {
  const [selected, setSelected] = useState(false);
  useEffect(() => {
    if (!editor) return;
    const update = () => setSelected(!editor.state.selection.empty);
    editor.on('selectionUpdate', update);
    return () => void editor.off('selectionUpdate', update);
  }, [editor]);
  return selected;
}
