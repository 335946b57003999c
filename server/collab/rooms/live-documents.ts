import * as Y from 'yjs';
import { registerDocumentHost, type DocumentHost } from '../../../lib/documents/live-documents';
import type { Rooms } from './rooms';

/**
 * Lets domain functions in this process (versions, restore, attribution) read and change live
 * documents through the rooms that hold them, until closed.
 */
export function serveLiveDocuments(rooms: Rooms): { close(): void } {
  registerDocumentHost(documentHost(rooms));
  return { close: () => registerDocumentHost(null) };
}

function documentHost(rooms: Rooms): DocumentHost {
  return {
    read: (docId, read) => rooms.use(docId, '@reader', (room) => read(room.doc, room.attribution.users)),
    change: (docId, userId, change) =>
      rooms.use(docId, userId, (room) => {
        // The change is made by a fresh client id on a copy, so it is attributed to `userId` like any of their edits.
        const copy = new Y.Doc({ gc: false });
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
        const before = Y.encodeStateVector(room.doc);
        change(copy);
        room.applyUpdate(Y.encodeStateAsUpdate(copy, before), {
          userId,
          ownClients: new Set([copy.clientID]),
          send: () => {},
        });
        copy.destroy();
      }),
    lockParagraphs: (docId, ids) => rooms.loadedRoom(docId)?.lockParagraphs(ids),
  };
}
