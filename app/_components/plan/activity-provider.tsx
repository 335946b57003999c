'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { PlanActivity } from '../../../lib/plans/plan-activity';
import { onRoomEvent } from '../room/room-events';

const ActivityContext = createContext<PlanActivity | null>(null);

/**
 * The plan's activity as the server last sent it over the goal room's connection, for the figures
 * below (the server sends it again after a reconnection). When the rest of the plan changed (another
 * revision), the page renders again on the server, once.
 */
export function PlanActivityProvider({
  room,
  initial,
  children,
}: {
  room: string;
  initial: PlanActivity;
  children: ReactNode;
}) {
  const router = useRouter();
  const [activity, setActivity] = useState(initial);
  const requested = useRef(initial.revision);
  useEffect(() => {
    setActivity(initial);
    requested.current = initial.revision;
  }, [initial]);
  useEffect(
    () =>
      onRoomEvent(room, (event) => {
        if (event.kind !== 'activity') return;
        setActivity(event.activity);
        if (event.activity.revision === requested.current) return;
        requested.current = event.activity.revision;
        router.refresh();
      }),
    [room, router],
  );
  return <ActivityContext.Provider value={activity}>{children}</ActivityContext.Provider>;
}

/** The plan's activity, inside PlanActivityProvider. */
export function useActivity(): PlanActivity {
  const activity = useContext(ActivityContext);
  if (!activity) throw new Error('inside PlanActivityProvider only');
  return activity;
}
