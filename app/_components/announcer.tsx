'use client';

import { useEffect, useState } from 'react';

const EVENT = 'concordia:announce';

/**
 * Says `text` to screen-reader users, politely (after what they are hearing): what an action changed
 * where they are not looking ("Message sent", "Overlap kept", "Now showing version of 6 December").
 */
export function announce(text: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: text }));
}

/**
 * The page's one live region, in the root layout so that it exists before anything is announced (a
 * region added together with its text is not read). Each announcement replaces the last, and the
 * same words twice are read twice.
 */
export function Announcer() {
  const [said, setSaid] = useState({ text: '', count: 0 });
  useEffect(() => {
    const hear = (event: Event) =>
      setSaid((last) => ({ text: (event as CustomEvent<string>).detail, count: last.count + 1 }));
    window.addEventListener(EVENT, hear);
    return () => window.removeEventListener(EVENT, hear);
  }, []);
  return (
    <div id="announcer" role="status" aria-live="polite" aria-atomic="true" className="visually-hidden">
      <span key={said.count}>{said.text}</span>
    </div>
  );
}
