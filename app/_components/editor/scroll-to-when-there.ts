import type { Editor } from '@tiptap/react';

/** Scrolls to an element of the document as soon as it is there (after sync), trying for a few seconds. */
export function scrollToWhenThere(editor: Editor, selector: string): () => void {
  let tries = 0;
  const timer = setInterval(() => {
    const element = editor.view.dom.querySelector(selector);
    if (element || ++tries > 25) clearInterval(timer);
    element?.scrollIntoView({ block: 'center' });
  }, 200);
  return () => clearInterval(timer);
}
