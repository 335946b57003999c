'use client';

import { useEffect, useState, type RefObject } from 'react';

/**
 * The height of a sticky bar, followed as it changes (it wraps or grows with notices), and kept as the
 * page's `scroll-padding-top` (`active`), so that whatever the browser scrolls to (a caret moved by the
 * arrow keys, Ctrl+Home, a focused element) stops below the bar rather than under it.
 */
export function useStickyHeight(bar: RefObject<HTMLElement | null>, active: boolean, clearance: number): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const element = bar.current;
    if (!element || !active) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      const h = Math.ceil(element.getBoundingClientRect().height);
      setHeight(h);
      root.style.scrollPaddingTop = `${h + clearance}px`;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = '';
    };
  }, [bar, active, clearance]);
  return height;
}
