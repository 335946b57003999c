'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import * as Y from 'yjs';
import type { Block } from '../../../lib/export/blocks';
import { readBlocks, type ReadContext } from '../../../lib/export/read-blocks';
import { EDITOR_FIELD } from '../../../lib/shared/rooms';
import { openRoom } from '../room/room-connection';

/** How long a section stays connected after it leaves the screen: scrolling back and forth keeps it. */
const LINGER_MS = 30_000;
/** Typing is redrawn at most this often: a reader sees words arrive, the page never redraws per keystroke. */
const REDRAW_MS = 250;

/**
 * A section's blocks, live while it is on (or near) the screen: the page opens one read-only
 * connection per section in view rather than 35 at once, and closes it a while after it scrolls away.
 * Null until the first sync: the server's rendering stands until then.
 */
export function useLiveBlocks(
  ref: RefObject<HTMLElement | null>,
  roomId: string,
  context: Omit<ReadContext, 'authorship'>,
): Block[] | null {
  const [blocks, setBlocks] = useState<Block[] | null>(null);
  const [near, setNear] = useState(false);
  const read = useRef(context);
  read.current = context;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let linger: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(
      ([entry]) => {
        clearTimeout(linger);
        if (entry?.isIntersecting) setNear(true);
        else linger = setTimeout(() => setNear(false), LINGER_MS);
      },
      { rootMargin: '50% 0px' },
    );
    observer.observe(element);
    return () => {
      clearTimeout(linger);
      observer.disconnect();
    };
  }, [ref]);

  useEffect(() => {
    if (!near) return;
    const { doc, provider } = openRoom(roomId, { wholePlan: true });
    // A reader here is not in the section: no presence, no caret for the others to see.
    provider.awareness.setLocalState(null);
    const users = new Y.PermanentUserData(doc);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const redraw = () => {
      timer = undefined;
      const authorship = { users, now: Y.snapshot(doc) };
      setBlocks(readBlocks(doc.getXmlFragment(EDITOR_FIELD), { ...read.current, authorship }));
    };
    const onUpdate = () => {
      if (provider.synced) timer ??= setTimeout(redraw, REDRAW_MS);
    };
    const onSync = (synced: boolean) => {
      if (synced) redraw();
    };
    doc.on('update', onUpdate);
    provider.on('sync', onSync);
    return () => {
      clearTimeout(timer);
      doc.off('update', onUpdate);
      provider.off('sync', onSync);
      provider.destroy();
      doc.destroy();
    };
  }, [near, roomId]);

  return blocks;
}
