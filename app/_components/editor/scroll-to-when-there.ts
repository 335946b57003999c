import type { Editor } from '@tiptap/react';

/** What a user does that says they have moved on: a scroll arriving after it would take them away. */
const USER_ACTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Scrolls to an element of the document as soon as it is there (after sync), trying for a few seconds.
 * An editor with its own scroll box (a side-by-side passage) scrolls inside it and leaves the page
 * where it is; once the user presses a key, clicks or scrolls, it gives up.
 */
export function scrollToWhenThere(editor: Editor, selector: string): () => void {
  let tries = 0;
  const stop = () => {
    clearInterval(timer);
    for (const type of USER_ACTS) window.removeEventListener(type, stop, true);
  };
  const timer = setInterval(() => {
    const element = editor.view.dom.querySelector(selector);
    if (element) bringIntoView(editor.view.dom, element);
    if (element || ++tries > 25) stop();
  }, 200);
  for (const type of USER_ACTS) window.addEventListener(type, stop, { capture: true, passive: true });
  return stop;
}

function bringIntoView(box: HTMLElement, element: Element) {
  if (box.scrollHeight <= box.clientHeight || getComputedStyle(box).overflowY === 'visible') {
    element.scrollIntoView({ block: 'center' });
    return;
  }
  const offset = element.getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollTop += offset - (box.clientHeight - element.getBoundingClientRect().height) / 2;
}
