import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { sections } from '../../../db/schema';
import { sectionAmendments } from '../../../lib/negotiation/list-amendments';
import { onAmendmentsChanged } from '../../../lib/plans/plan-events';
import { encodeAmendmentsMessage } from '../../../lib/shared/app-messages';
import { sectionRoom } from '../../../lib/shared/rooms';
import type { Rooms } from '../rooms/rooms';

/**
 * Sends a section's amendments to the connections in the section whenever one is proposed, supported
 * or decided, read and encoded once for all of them, on whichever instance the change was made.
 */
export function pushAmendments(options: { db: Db; log: Logger; rooms: Rooms }): { close(): void } {
  const stop = onAmendmentsChanged((sectionId) => {
    const room = options.rooms.loadedRoom(sectionRoom(sectionId));
    if (!room?.members.size) return;
    send(options.db, sectionId).then(
      (message) => {
        if (message) for (const member of room.members) member.send(message);
      },
      (error: unknown) =>
        options.log.warn(
          { err: error, sectionId },
          'could not send a section its amendments; pages show them when they next open',
        ),
    );
  });
  return { close: stop };
}

async function send(db: Db, sectionId: string): Promise<Uint8Array | null> {
  const [section] = await db.select({ planId: sections.planId }).from(sections).where(eq(sections.id, sectionId));
  if (!section) return null;
  return encodeAmendmentsMessage(
    JSON.stringify({ amendments: await sectionAmendments(db, section.planId, sectionId) }),
  );
}
