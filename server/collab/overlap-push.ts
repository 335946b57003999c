import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { sectionOverlapViews } from '../../lib/consolidation/list-overlaps';
import { onOverlapsChanged } from '../../lib/plans/plan-events';
import { encodeOverlapsMessage } from '../../lib/shared/app-messages';
import { sectionRoom } from '../../lib/shared/rooms';
import type { Rooms } from './rooms';

/** Changes arriving together (an analysis, a resolution touching two sections) are sent once. */
const COALESCE_MS = 50;

/**
 * Sends a section's overlaps to the connections in it whenever they change, read and encoded once for
 * all of them. Pages used to poll every 3 s instead: 7 ms of server CPU per poll, so 150 open section
 * pages took a core, more than the live editing itself.
 */
export function pushOverlaps(options: { db: Db; log: Logger; rooms: Rooms }): () => void {
  /** Section → its plan, for the sections waiting to be sent. */
  const waiting = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let sending = false;

  const schedule = () => {
    if (timer || sending || !waiting.size) return;
    timer = setTimeout(() => void send(), COALESCE_MS);
  };
  const send = async () => {
    timer = undefined;
    sending = true;
    const batch = [...waiting];
    waiting.clear();
    for (const [sectionId, planId] of batch) {
      const room = options.rooms.loadedRoom(sectionRoom(sectionId));
      if (!room?.members.size) continue;
      try {
        const message = encodeOverlapsMessage(JSON.stringify({ overlaps: await sectionOverlapViews(options.db, planId, sectionId) }));
        for (const member of room.members) member.send(message);
      } catch (error) {
        options.log.warn({ err: error, sectionId }, 'could not send a section its overlaps; its pages keep the last list');
      }
    }
    sending = false;
    schedule();
  };

  const stop = onOverlapsChanged((planId, sectionIds) => {
    for (const sectionId of sectionIds) waiting.set(sectionId, planId);
    schedule();
  });
  return () => {
    stop();
    clearTimeout(timer);
  };
}
