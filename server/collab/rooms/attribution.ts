import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { emptyEntry, entryUpdate, USERS_FIELD } from '../../../lib/documents/attribution-record';

export class AttributionError extends Error {
  /** True when the update may become acceptable once another client delivers its own content. */
  constructor(
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

type Doc = Y.Doc;

/** Client ids a connection may write new content under (see Room.clientsOf). */
export type ClientSet = { has(client: number): boolean };
type ID = { client: number; clock: number };

/**
 * The server's record of who wrote what. Clients never write the mapping: the server maps each Yjs
 * client id to the authenticated user whose connection first delivered content under it, and files
 * each connection's deletions under its user, in the Y.PermanentUserData layout (so the editor can
 * render attribution with the stock tools). An update that writes under another user's client id,
 * or touches the mapping itself, is refused whole.
 */
export class Attribution {
  readonly users: Y.PermanentUserData;

  constructor(
    private readonly doc: Doc,
    readonly origin: unknown,
    /**
     * Whether a client id is a writer's, as the room knows it (a connection announced it): content its
     * author delivers is checked here, so it never lands in the attribution record.
     */
    private readonly announcedByWriter: (client: number) => boolean = () => false,
  ) {
    this.users = new Y.PermanentUserData(doc, doc.getMap(USERS_FIELD));
  }

  /**
   * Client ids whose new content `userId` may deliver in this update; throws when it may not.
   * A connection claims only client ids its user announced first (its awareness ids, see ClientClaims):
   * new content under any other id is someone else's, relayed after the server lost it, and waits for its owner.
   */
  check(update: Uint8Array, userId: string, ownClients: ClientSet): number[] {
    const { structs, ds } = Y.decodeUpdate(update);
    const inUpdate = new UpdateIndex(structs);
    const claims = new Set<number>();
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      if (struct.id.client === this.doc.clientID) throw new AttributionError("writes under the server's client id");
      const known = Y.getState(this.doc.store, struct.id.client);
      if (struct.id.clock + struct.length <= known) continue;
      const owner = this.users.getUserByClientId(struct.id.client);
      if (this.rootOf(struct, inUpdate) === USERS_FIELD) throw new AttributionError('writes to the attribution record');
      if (owner !== null && owner !== userId)
        throw new AttributionError(`new content under client ${struct.id.client}, which is someone else's`, true);
      if (owner === null && !ownClients.has(struct.id.client))
        throw new AttributionError(`new content under client ${struct.id.client}, not announced as its own`, true);
      if (owner === null) claims.add(struct.id.client);
    }
    for (const [client, ranges] of ds.clients) {
      for (const { clock, len } of ranges) {
        if (this.deletesInUsers(client, clock, len, inUpdate))
          throw new AttributionError('deletes from the attribution record');
      }
    }
    return [...claims];
  }

  /**
   * Client ids whose new content in this update `userId` may not deliver: another user's, or not
   * announced as this connection's. After a crash a client relays content others typed that the
   * server lost; that part must wait for its owner, while the rest of the update goes on.
   */
  foreignClients(update: Uint8Array, userId: string, ownClients: ClientSet): Set<number> {
    const foreign = new Set<number>();
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item)) continue;
      const client = struct.id.client;
      if (struct.id.clock + struct.length <= Y.getState(this.doc.store, client)) continue;
      const owner = this.users.getUserByClientId(client);
      if ((owner !== null && owner !== userId) || (owner === null && !ownClients.has(client))) foreign.add(client);
    }
    return foreign;
  }

  /** Files new client ids and the deletions of one applied update under the user who sent it. */
  record(
    userId: string,
    claims: number[],
    deleteSet: { clients: Map<number, Array<{ clock: number; len: number }>> },
  ): void {
    if (claims.length) this.mapClients(userId, claims);
    if (deleteSet.clients.size) {
      const { ds } = this.userEntry(userId);
      this.doc.transact(() => ds.push([encodeDeleteSet(deleteSet)]), this.origin);
    }
  }

  /** Gives new text written directly by the server (a restore) to the user who asked for it. */
  mapClients(userId: string, clients: number[]): void {
    const { ids } = this.userEntry(userId);
    this.doc.transact(() => ids.push(clients), this.origin);
  }

  /** Outside any transaction: applying the entry's update inside one would mark the server's own writes as remote. */
  private userEntry(userId: string): { ids: Y.Array<number>; ds: Y.Array<Uint8Array> } {
    const users = this.doc.getMap<Y.Map<unknown>>(USERS_FIELD);
    // Two instances sharing a room (REDIS_URL) may each create a user's entry at once. Made as the
    // same Yjs items everywhere, the two are one entry; made by each server's own client id, one would
    // replace the other and take its ids with it.
    if (!users.has(userId)) Y.applyUpdate(this.doc, entryUpdate(userId), this.origin);
    let entry = users.get(userId);
    if (!entry) {
      // Another user's entry hashed to the same client id: create this one the ordinary way.
      const created = emptyEntry();
      this.doc.transact(() => users.set(userId, created), this.origin);
      entry = created;
    }
    return { ids: entry.get('ids') as Y.Array<number>, ds: entry.get('ds') as Y.Array<Uint8Array> };
  }

  /** The root type an item of an update ends up in, following parents and origins. */
  private rootOf(item: Y.Item, inUpdate: UpdateIndex, depth = 0): string | null {
    if (depth > 10_000) throw new AttributionError('parent chain too deep');
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return parent;
    // The parent item, or a neighbour, lives in the same root as this item.
    const anchor = (isId(parent) ? parent : null) ?? item.origin ?? item.rightOrigin;
    if (!anchor) return null;
    const local = inUpdate.find(anchor);
    return local ? this.rootOf(local, inUpdate, depth + 1) : this.rootOfStored(anchor);
  }

  /**
   * The root type a stored item lives in. An item the server does not have yet is a writer's, lost in a
   * crash and still to be delivered by its author, when its client id belongs to a user: content next to
   * it or inside it then ends up in a writer's root too (never the attribution record, which its author
   * may not write), so it may go in now and wait in Yjs for its neighbour. Writers typing in the same
   * sentence each hang on the others' lost words: held whole, their updates would wait on each other forever.
   */
  private rootOfStored(id: ID): string | null {
    if (id.clock >= Y.getState(this.doc.store, id.client)) {
      if (this.isWritersClient(id.client)) return PENDING_ROOT;
      throw new AttributionError('depends on content the server does not have yet', true);
    }
    const stored = Y.getItem(this.doc.store, Y.createID(id.client, id.clock));
    if (!(stored instanceof Y.Item)) return null;
    let type = stored.parent as Y.AbstractType<unknown> | null;
    while (type?._item) type = type._item.parent as Y.AbstractType<unknown>;
    return type ? Y.findRootTypeKey(type) : null;
  }

  private isWritersClient(client: number): boolean {
    if (client === this.doc.clientID) return false;
    return this.users.getUserByClientId(client) !== null || this.announcedByWriter(client);
  }

  private deletesInUsers(client: number, clock: number, len: number, inUpdate: UpdateIndex): boolean {
    const known = Y.getState(this.doc.store, client);
    for (let c = clock; c < Math.min(clock + len, known);) {
      const stored = Y.getItem(this.doc.store, Y.createID(client, c));
      if (stored instanceof Y.Item && this.rootOfStored(stored.id) === USERS_FIELD) return true;
      c = stored.id.clock + stored.length;
    }
    for (let c = Math.max(clock, known); c < clock + len;) {
      const local = inUpdate.find({ client, clock: c });
      if (!local) break;
      if (this.rootOf(local, inUpdate) === USERS_FIELD) return true;
      c = local.id.clock + local.length;
    }
    return false;
  }
}

/** Stands for a root not known yet, which is a writer's (see Attribution.rootOfStored). */
const PENDING_ROOT = '\u0000pending';

function isId(value: unknown): value is ID {
  return (
    typeof value === 'object' &&
    value !== null &&
    'client' in value &&
    'clock' in value &&
    !(value instanceof Y.AbstractType)
  );
}

/** The items of one update by client, for finding the item that covers an id. */
class UpdateIndex {
  private readonly byClient = new Map<number, Y.Item[]>();

  constructor(structs: Array<Y.Item | Y.GC | Y.Skip>) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      const list = this.byClient.get(struct.id.client) ?? [];
      list.push(struct);
      this.byClient.set(struct.id.client, list);
    }
  }

  find(id: ID): Y.Item | undefined {
    return this.byClient
      .get(id.client)
      ?.find((item) => item.id.clock <= id.clock && id.clock < item.id.clock + item.length);
  }
}

/** A delete set in the V1 encoding that Y.PermanentUserData reads back. */
function encodeDeleteSet(ds: { clients: Map<number, Array<{ clock: number; len: number }>> }): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ds.clients.size);
  for (const [client, ranges] of [...ds.clients].sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, ranges.length);
    for (const { clock, len } of ranges) {
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint(encoder, len);
    }
  }
  return encoding.toUint8Array(encoder);
}
