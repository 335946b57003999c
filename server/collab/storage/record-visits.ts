import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { recordSectionVisits, type SectionVisit } from '../../../lib/plans/section-visits';
import { parseRoom } from '../../../lib/shared/rooms';

/** How often visits are written: a crowd opening a section costs one statement, not one per socket. */
const WRITE_EVERY_MS = 2_000;

/**
 * Notes when people open and leave sections (their connections to its room), for the plan page's
 * "since your last visit". Bookkeeping, not anyone's words: a write that fails is logged and dropped.
 */
export function recordVisits({ db, log }: { db: Db; log: Logger }) {
  const due = new Map<string, { visit: Omit<SectionVisit, 'seen'>; seen?: () => Uint8Array }>();
  let writing: Promise<void> = Promise.resolve();
  const write = () => {
    if (due.size) {
      const batch = [...due.values()].map(({ visit, seen }) => ({ ...visit, seen: snapshotOf(seen) }));
      due.clear();
      writing = writing
        .then(() => recordSectionVisits(db, batch))
        .catch((error: unknown) => log.warn({ err: error, visits: batch.length }, 'could not record section visits'));
    }
    return writing;
  };
  const snapshotOf = (seen: (() => Uint8Array) | undefined) => {
    try {
      return seen?.();
    } catch (error) {
      log.warn({ err: error }, 'could not take the snapshot of a section left');
      return undefined;
    }
  };
  const timer = setInterval(() => void write(), WRITE_EVERY_MS);
  timer.unref();
  return {
    /**
     * The user has the room open at this moment (it opened, or it is closing); `seen` gives what the
     * document held then (Room.seenNow), when a closing room is still loaded here, taken when written.
     */
    saw(roomName: string, userId: string, seen?: () => Uint8Array): void {
      const room = parseRoom(roomName);
      if (room?.kind !== 'section') return;
      const key = `${userId} ${room.sectionId}`;
      due.set(key, { visit: { userId, sectionId: room.sectionId, at: new Date() }, seen: seen ?? due.get(key)?.seen });
    },
    async close(): Promise<void> {
      clearInterval(timer);
      await write();
    },
  };
}

export type SectionVisits = ReturnType<typeof recordVisits>;
