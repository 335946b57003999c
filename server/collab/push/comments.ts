import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { readComment } from '../../../lib/discussion/comment-view';
import { onCommentPosted } from '../../../lib/plans/plan-events';
import { encodeCommentMessage } from '../../../lib/shared/app-messages';
import { sectionRoom } from '../../../lib/shared/rooms';
import type { Rooms } from '../rooms/rooms';

/**
 * Sends each new message of a section's discussion to the connections in the section, read and encoded
 * once for all of them, on whichever instance it was posted. Pages fetch the discussion when they open
 * and again after a lost connection; in between, this keeps them current without polling.
 */
export function pushComments(options: { db: Db; log: Logger; rooms: Rooms }): { close(): void } {
  const stop = onCommentPosted((sectionId, commentId) => {
    const room = options.rooms.loadedRoom(sectionRoom(sectionId));
    if (!room?.members.size) return;
    readComment(options.db, commentId).then(
      (comment) => {
        if (!comment) return;
        const message = encodeCommentMessage(JSON.stringify(comment));
        for (const member of room.members) member.send(message);
      },
      (error: unknown) =>
        options.log.warn(
          { err: error, sectionId },
          'could not send a section its new discussion message; pages show it when they next open',
        ),
    );
  });
  return { close: stop };
}
