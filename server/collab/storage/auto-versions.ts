import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { saveVersion } from '../../../lib/versions/save-version';
import type { Room } from '../rooms/room';

/** Saves an automatic version of a room if it was edited since its last one. */
export async function autoVersion(db: Db, room: Room): Promise<void> {
  if (!room.editedSinceVersion) return;
  room.editedSinceVersion = false;
  room.lastVersionAt = Date.now();
  try {
    await saveVersion(db, { docId: room.name, doc: room.doc, users: room.attribution.users, kind: 'auto' });
  } catch (error) {
    room.editedSinceVersion = true;
    throw error;
  }
}

/** Every minute, versions the rooms edited for longer than `periodMs` since their last version. */
export function startAutoVersions(options: { db: Db; log: Logger; periodMs: number; rooms: () => Promise<Room[]> }): {
  close(): void;
} {
  const timer = setInterval(
    () => {
      void options.rooms().then(async (rooms) => {
        for (const room of rooms) {
          if (!room.editedSinceVersion || Date.now() - room.lastVersionAt < options.periodMs) continue;
          await autoVersion(options.db, room).catch((error: unknown) =>
            options.log.error({ err: error, room: room.name }, 'automatic version failed'),
          );
        }
      });
    },
    Math.min(60_000, options.periodMs),
  );
  timer.unref();
  return { close: () => clearInterval(timer) };
}
