'use client';

import { useCallback, useEffect, useState } from 'react';
import { api } from './api-client';
import type { PlanOverlaps } from './overlap-types';
import { onRoomEvent } from './room-events';

/**
 * Overlaps from the API, kept current while the page is open (analysis runs a moment after edits settle).
 * With `room`, the live editor's connection brings every change (room-events.ts) and the list is fetched
 * again only after a reconnection; without, it is fetched every `seconds` (the chair's plan-wide view).
 */
export function useOverlaps(path: string, options: { room?: string; seconds?: number } = {}) {
  const { room, seconds = 3 } = options;
  const [data, setData] = useState<PlanOverlaps>({ overlaps: [], canResolve: false });
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(
    () =>
      api<PlanOverlaps>('GET', path).then(
        (result) => {
          setData(result);
          setError(null);
        },
        (e: Error) => setError(e.message),
      ),
    [path],
  );
  useEffect(() => {
    void refresh();
    if (room) {
      return onRoomEvent(room, (event) => {
        if (event.kind === 'reconnected') void refresh();
        else if (event.kind === 'overlaps') setData((current) => ({ ...current, overlaps: event.overlaps }));
      });
    }
    const timer = setInterval(() => void refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [refresh, room, seconds]);
  return { ...data, error, refresh };
}
