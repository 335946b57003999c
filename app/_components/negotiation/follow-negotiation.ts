'use client';

import { api } from '../api-client';
import { onRoomEvent, type RoomEvent } from '../room/room-events';

type NegotiationEvent = Extract<RoomEvent, { kind: 'amendments' }>;

/**
 * Follows one part of what a section page is told of the negotiation (message 107: amendments and
 * paragraph statuses): read from `path` at once, and again once the page's connection is in the room,
 * so that a change made while the page loaded is not missed; then as the server pushes it. A read
 * that a push overtook is dropped. Failed reads show nothing here: the panels say what failed.
 * Returns what stops following.
 */
export function followNegotiation<T>(
  roomId: string,
  path: string,
  {
    read,
    pushed,
    show,
  }: { read: (body: unknown) => T; pushed: (event: NegotiationEvent) => T; show: (value: T) => void },
): () => void {
  let pushes = 0;
  const load = () => {
    const before = pushes;
    api('GET', path).then(
      (body) => pushes === before && show(read(body)),
      () => {},
    );
  };
  load();
  return onRoomEvent(roomId, (event) => {
    if (event.kind === 'synced' || event.kind === 'resynced') load();
    if (event.kind !== 'amendments') return;
    pushes++;
    show(pushed(event));
  });
}
