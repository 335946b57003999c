import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { sections } from '../../../db/schema';
import { sectionAmendments } from '../../../lib/negotiation/list-amendments';
import { sectionNegotiation } from '../../../lib/negotiation/section-negotiation';
import { onAmendmentsChanged } from '../../../lib/plans/plan-events';
import { encodeAmendmentsMessage } from '../../../lib/shared/app-messages';
import { sectionRoom } from '../../../lib/shared/rooms';
import type { LockedParagraphs } from '../rooms/locked-paragraphs';
import type { Rooms } from '../rooms/rooms';

/**
 * Sends a section's amendments, paragraph statuses, bracketed spans and numbering to the connections in the section whenever an
 * amendment is proposed, supported or decided or a status set, read and encoded once for all of them, on
 * whichever instance the change was made; another instance's change has the room's agreed paragraphs read again.
 */
export function pushAmendments(options: { db: Db; log: Logger; rooms: Rooms; locks: LockedParagraphs }): {
  close(): void;
} {
  const stop = onAmendmentsChanged((sectionId, source) => {
    // A status set in this process locked its paragraphs as it was set (set-paragraph-status.ts), from what it
    // read then; another instance's change is read here.
    if (source === 'remote')
      options.locks.refresh(sectionId).then(
        (ids) => options.rooms.loadedRoom(sectionRoom(sectionId))?.lockParagraphs(ids),
        (error: unknown) => options.log.warn({ err: error, sectionId }, 'could not read the agreed paragraphs again'),
      );
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
  const [amendments, negotiation] = await Promise.all([
    sectionAmendments(db, section.planId, sectionId),
    sectionNegotiation(db, section.planId, sectionId),
  ]);
  return encodeAmendmentsMessage(JSON.stringify({ amendments, ...negotiation }));
}
