import * as Y from 'yjs';
import { registerDocumentHost, type DocumentHost } from '../../../lib/documents/live-documents';
import { appError } from '../../../lib/i18n/error-text';
import { AgreedParagraphError } from './room';
import { parseRoom } from '../../../lib/shared/rooms';
import type { LockedParagraphs } from './locked-paragraphs';
import type { Rooms } from './rooms';

/**
 * Lets domain functions in this process (versions, restore, attribution) read and change live
 * documents through the rooms that hold them, until closed.
 */
export function serveLiveDocuments(rooms: Rooms, locks: LockedParagraphs): { close(): void } {
  registerDocumentHost(documentHost(rooms, locks));
  return { close: () => registerDocumentHost(null) };
}

function documentHost(rooms: Rooms, locks: LockedParagraphs): DocumentHost {
  return {
    read: (docId, read) => rooms.use(docId, '@reader', (room) => read(room.doc, room.attribution.users)),
    change: (docId, userId, change) =>
      rooms.use(docId, userId, (room) => {
        // The change is made by a fresh client id on a copy, so it is attributed to `userId` like any of their edits.
        const copy = new Y.Doc({ gc: false });
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
        const before = Y.encodeStateVector(room.doc);
        change(copy);
        try {
          room.applyUpdate(Y.encodeStateAsUpdate(copy, before), {
            userId,
            ownClients: new Set([copy.clientID]),
            send: () => {},
          });
        } catch (error) {
          // A restore, a merge or an import that would rewrite an agreed paragraph: the chair reopens it first.
          if (error instanceof AgreedParagraphError) throw appError('conflict', 'paragraphAgreed');
          throw error;
        } finally {
          copy.destroy();
        }
      }),
    lockParagraphs: (docId, ids) => {
      const room = parseRoom(docId);
      if (room?.kind === 'section') locks.set(room.sectionId, ids);
      rooms.loadedRoom(docId)?.lockParagraphs(ids);
    },
  };
}
