import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/** Root type where Y.PermanentUserData keeps who owns which client ids and deletions. */
export const USERS_FIELD = 'users';

export function emptyEntry(): Y.Map<unknown> {
  const entry = new Y.Map();
  entry.set('ids', new Y.Array<number>());
  entry.set('ds', new Y.Array<Uint8Array>());
  return entry;
}

/** A user's empty entry, written under a client id derived from the user id, so it is identical wherever it is made. */
export function entryUpdate(userId: string): Uint8Array {
  const scratch = new Y.Doc({ gc: false });
  scratch.clientID = createHash('sha256').update(`attribution entry ${userId}`).digest().readUInt32BE(0);
  scratch.getMap(USERS_FIELD).set(userId, emptyEntry());
  const update = Y.encodeStateAsUpdate(scratch);
  scratch.destroy();
  return update;
}
