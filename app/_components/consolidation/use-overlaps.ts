'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api-client';
import { useFailure } from '../error-message';
import { openRoom } from '../room/room-connection';
import { onRoomEvent } from '../room/room-events';
import type { PlanOverlaps } from './overlap-types';

/**
 * Overlaps from the API, kept current while the page is open (analysis runs a moment after edits settle),
 * without polling. A section page (`room`: the section's) fetches it once; then its live editor's connection
 * brings the list whenever it changes, and again after a reconnection. The overlaps board (`plan`: the plan's goal room) opens a
 * connection that follows the plan, and fetches the list again whenever the plan's overlaps changed.
 */
export function useOverlaps(path: string, follow: { room: string } | { plan: string }) {
  const [data, setData] = useState<PlanOverlaps>({ overlaps: [], canResolve: false, translation: { available: true } });
  const { message: error, fail, clear } = useFailure();
  /** The plan's overlaps as last fetched (the board), to tell whether an activity message brings news. */
  const seen = useRef<string | undefined>(undefined);
  const refresh = useCallback(
    () =>
      api<PlanOverlaps>('GET', path).then((result) => {
        seen.current = result.revision;
        setData(result);
        clear();
      }, fail),
    [path, clear, fail],
  );
  const room = 'room' in follow ? follow.room : undefined;
  const plan = 'plan' in follow ? follow.plan : undefined;
  useEffect(() => {
    void refresh();
    if (room) {
      return onRoomEvent(room, (event) => {
        if (event.kind === 'overlaps') setData((current) => ({ ...current, overlaps: event.overlaps }));
      });
    }
    if (!plan) return;
    // The plan's activity comes when the connection opens (again) and whenever it changes.
    const { doc, provider } = openRoom(plan, { followPlan: true });
    const stop = onRoomEvent(plan, (event) => {
      if (event.kind !== 'activity' || event.activity.overlapsRevision === seen.current) return;
      seen.current = event.activity.overlapsRevision;
      void refresh();
    });
    return () => {
      stop();
      provider.destroy();
      doc.destroy();
    };
  }, [refresh, room, plan]);
  return { ...data, error, refresh };
}
