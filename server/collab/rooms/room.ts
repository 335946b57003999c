import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { AwarenessUser } from '../../../lib/shared/awareness-user';
import { Attribution, AttributionError, type ClientSet } from './attribution';
import { AwarenessGate, type AwarenessMember, type AwarenessOutcome } from '../awareness/gate';
import { Broadcaster } from '../broadcast/broadcaster';
import { HeldUpdates } from './held-updates';
import { touchesLockedParagraph } from './paragraph-locks';
import type { DocumentStore } from '../storage/document-store';
import { snapshotOfUpdate, takeSnapshot } from '../../../lib/documents/snapshots';
import { wordCount } from '../../../lib/documents/paragraphs';
import { seedSharedFrame } from '../wire/shared-deflate';
import {
  EMPTY_STATE_VECTOR,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2Of,
  isEmptyStateVector,
} from '../../../lib/shared/wire/sync';

/** What a room needs from a connection: who it is and somewhere to send bytes. */
export interface RoomMember {
  readonly userId: string;
  /**
   * Client ids this member writes under without announcing them: a change the server makes itself
   * (rooms/live-documents.ts). A connection's are those its user claimed in the room (see ClientClaims).
   */
  readonly ownClients?: ReadonlySet<number>;
  /** A plan page's connection to the goal room (server/collab/push/push-plan-activity.ts). */
  readonly followsPlan?: boolean;
  /** A reader is sent updates paced (ReaderPacing); a member that does not say is sent them at once. */
  readonly access?: 'read' | 'write';
  /** Who the member is to the others: stamped on each of its awareness states (awareness/stamp.ts). */
  readonly identity?: AwarenessUser;
  send(message: Uint8Array): void;
  /** Whether this joiner asked for the whole document (a fresh client): it may be sent ahead while the room loads. */
  wantsWholeDocument?(): boolean;
  /** Sends the stored document as a sync reply; resolves once written. */
  sendStoredDocument?(frame: Uint8Array): Promise<void>;
}

/** `maxBytes`: a document stops growing at this size. `readerMsPerReader`: see ReaderPacing. */
export type RoomLimits = { maxBytes: number; readerMsPerReader: number };

/**
 * What a room tells the other instances (server/collab/redis/fanout.ts): changes accepted here,
 * never those loaded from the store or received from another instance.
 */
export interface RoomRelay {
  update(update: Uint8Array): void;
  awareness(clients: number[]): void;
}

/**
 * One live document and the connections editing or watching it: it admits their writes (attribution,
 * size), holds back what waits for its author (HeldUpdates), decides their awareness (AwarenessGate),
 * and answers their sync requests; the Broadcaster sends what it accepted.
 *
 * The stored document is decoded only when something needs it (a write, a client that already holds
 * part of it, a version, another instance): readers are served the stored bytes. Decoding a large
 * section with its deletion history takes tens of milliseconds and about ten times its encoded size
 * in memory, and a section that observers only read never pays either.
 */
export class Room {
  /** Awareness uses a document only for the server's own client id, which never has a state. */
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  readonly members = new Set<RoomMember>();
  private readonly gate: AwarenessGate;
  private readonly broadcaster: Broadcaster;
  private decoded: { doc: Y.Doc; attribution: Attribution } | null = null;
  /** The document as stored, until it is decoded. */
  private stored: Uint8Array | null;
  /** Set by the awareness 'change' event, which comes just before 'update' when a state really changed. */
  private awarenessChanged = false;
  /** Edits since the last automatic or named version: when one is due, it is worth taking. */
  editedSinceVersion = false;
  /** Encoded bytes of the document, approximately: what it was loaded with plus every update since. */
  private bytes = 0;
  /** Updates carrying someone else's content that the server lost (a crash), waiting for its owner. */
  private readonly held: HeldUpdates;
  lastVersionAt = Date.now();
  /** Yjs ids of the elements of agreed paragraphs ("client:clock"): writes inside them are refused. */
  private lockedParagraphs: ReadonlySet<string> = new Set();
  /** Set while other instances share this room (REDIS_URL). */
  relay: RoomRelay | undefined;
  /**
   * The whole document as a sync reply, kept until the next change: a crowd joining at once (a plenary
   * opening) is answered with one encoding, and a room just loaded answers with the bytes it was loaded from.
   */
  private fullSync: Uint8Array | null = null;
  private changedSinceLoad = false;
  /** The document's snapshot, kept until the next change: a crowd leaving a section at once takes one. */
  private currentSnapshot: Uint8Array | null = null;
  /** The same for the stored bytes the room was loaded with, which never change. */
  private storedSnapshot: Uint8Array | null = null;
  /** What the room was loaded with, until its first change: clients sent the stored document then lack nothing. */
  private loadedVector: Uint8Array = EMPTY_STATE_VECTOR;

  constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly log: Logger,
    private readonly limits: RoomLimits,
    /** The document as stored: applied before anything listens, so it is not echoed to the store or to members. */
    stored: Uint8Array | null,
    /** The same, deflated as the store keeps a document at rest: the whole-document reply's frame is ready made. */
    deflated?: Uint8Array,
  ) {
    this.broadcaster = new Broadcaster(this.members, this.awareness, log, name, limits.readerMsPerReader);
    this.held = new HeldUpdates(log, name);
    this.gate = new AwarenessGate(
      this.awareness,
      {
        writerOf: (client, decode) => this.writerOf(client, decode),
        isUnused: (client) => client !== this.doc.clientID && Y.getState(this.doc.store, client) === 0,
      },
      log,
      name,
    );
    this.awareness.setLocalState(null);
    store.describe(name, () => wordCount(this.doc));
    this.stored = stored;
    if (stored) {
      this.bytes = stored.length;
      this.fullSync = encodeSyncStep2Of(stored);
      if (deflated) seedSharedFrame(this.fullSync, this.fullSync.length - stored.length, deflated);
    }
    this.awareness.on('change', () => (this.awarenessChanged = true));
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const change = this.awarenessChanged;
      this.awarenessChanged = false;
      // Every instance times out stale states on its own; relaying its timeouts would only add traffic.
      if (origin !== REMOTE_ORIGIN && origin !== 'timeout') this.relay?.awareness(changed);
      this.broadcaster.awarenessChanged(changed, change);
    });
  }

  get doc(): Y.Doc {
    return this.decode().doc;
  }

  get attribution(): Attribution {
    return this.decode().attribution;
  }

  /** Whether the document has been decoded (see the class comment). */
  get isDecoded(): boolean {
    return this.decoded !== null;
  }

  /** Sync step 1: what this room holds, for a joining writer to send what the room lacks. */
  syncStep1(): Uint8Array {
    return encodeSyncStep1(this.doc);
  }

  private decode(): { doc: Y.Doc; attribution: Attribution } {
    if (this.decoded) return this.decoded;
    const doc = new Y.Doc({ gc: false });
    const attribution = new Attribution(doc, ATTRIBUTION_ORIGIN, (client) => this.gate.ownerOf(client) !== undefined);
    if (this.stored) {
      try {
        // Before the 'update' listener: with one, Yjs would encode the whole loaded document again for it.
        Y.applyUpdate(doc, this.stored);
      } catch (error) {
        doc.destroy();
        this.log.error({ err: error, room: this.name }, 'stored document does not decode');
        throw new RoomUnavailableError();
      }
      this.loadedVector = Y.encodeStateVector(doc);
      this.stored = null;
    }
    this.decoded = { doc, attribution };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.fullSync = null;
      this.currentSnapshot = null;
      this.changedSinceLoad = true;
      // The instance where an edit was made takes the automatic version of it.
      if (origin !== ATTRIBUTION_ORIGIN && origin !== REMOTE_ORIGIN) this.editedSinceVersion = true;
      // Stored here too when it came from another instance: if that one dies before its flush, its
      // clients resync with this one and find nothing missing, so only this copy would reach the database.
      // Duplicate rows are harmless: applying a Yjs update twice changes nothing, and compaction merges them.
      // A member's own edit names them as the last editor; attribution records and relayed edits do not.
      const editor = (origin as Partial<RoomMember> | null)?.userId;
      this.store.append(
        this.name,
        update,
        origin !== ATTRIBUTION_ORIGIN && typeof editor === 'string' ? editor : undefined,
      );
      if (origin !== REMOTE_ORIGIN) this.relay?.update(update);
      this.broadcaster.update(update);
    });
    return this.decoded;
  }

  /**
   * What a member leaving now has seen, as an encoded snapshot, for when it is needed: taken now from a
   * decoded document (well under a millisecond), or later from the stored bytes, which do not change.
   * Parsing those takes milliseconds for a long section (5 ms for the 260,000-keystroke trace, 40 the
   * first time): better spent by the visits' writer than while others are connecting.
   */
  seenNow(): () => Uint8Array {
    if (!this.stored || this.decoded) {
      this.currentSnapshot ??= takeSnapshot(this.doc);
      const taken = this.currentSnapshot;
      return () => taken;
    }
    const stored = this.stored;
    return () => (this.storedSnapshot ??= snapshotOfUpdate(stored));
  }

  /** For a client sent the stored document ahead (Rooms): what changed since, or null when nothing did. */
  changesSinceLoad(): Uint8Array | null {
    if (!this.changedSinceLoad) return null;
    return encodeSyncStep2(this.doc, this.loadedVector);
  }

  /** Sync step 2 for a client that has nothing yet: the same bytes (and compressed frame) for all of them. */
  wholeDocument(): Uint8Array {
    return this.syncReply(EMPTY_STATE_VECTOR);
  }

  /** Sync step 2 for a client that has `stateVector`: what it lacks of the document. */
  syncReply(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return encodeSyncStep2(this.doc, stateVector);
    this.fullSync ??= this.stored ? encodeSyncStep2Of(this.stored) : encodeSyncStep2(this.doc, stateVector);
    return this.fullSync;
  }

  /**
   * Applies a member's update and files its new client ids and deletions under the member's user.
   * Throws, leaving the document untouched, when it does not decode or is not the member's to write.
   * `typed`: an update message (what the client changed just now), not a sync reply.
   */
  applyUpdate(update: Uint8Array, origin: RoomMember, typed = false): void {
    if (typed && origin.identity) this.gate.adoptMovedClient(update, origin as AwarenessMember);
    const foreign = this.attribution.foreignClients(update, origin.userId, this.clientsOf(origin));
    if (foreign.size) {
      // Integrate the member's own part now; the part others wrote waits until they deliver it themselves.
      const own = new Set(
        Y.decodeUpdate(update)
          .structs.map((s) => s.id.client)
          .filter((c) => !foreign.has(c)),
      );
      this.held.hold(
        Y.diffUpdate(update, skipping(own)),
        origin,
        'content of other clients, lost by the server, waits for its authors',
      );
      update = Y.diffUpdate(update, skipping(foreign));
    }
    try {
      this.integrate(update, origin);
    } catch (error) {
      if (!(error instanceof AttributionError && error.retryable)) throw error;
      this.held.hold(update, origin, error.message);
      return;
    }
    this.retryHeld();
  }

  /**
   * Resolves once what `member` delivered so far is in the database, or at once with 'held' when some of
   * it waits for its author (HeldUpdates): the client asks again later.
   */
  async whenStored(member: RoomMember): Promise<'stored' | 'held'> {
    if (this.held.holdsFrom(member) || this.waitsForNeighbours()) return 'held';
    await this.store.whenStored(this.name);
    return 'stored';
  }

  /** Whether Yjs keeps content back until words it hangs on arrive (see Attribution.rootOfStored). */
  private waitsForNeighbours(): boolean {
    const store = this.decoded?.doc.store;
    return Boolean(store?.pendingStructs || store?.pendingDs);
  }

  /** Tries again the held updates, some of which the latest changes (or a new client id) may unblock. */
  retryHeld(): void {
    this.held.retry((update, member) => this.integrate(update, member));
  }

  /** The agreed paragraphs from now on (lib/negotiation/set-paragraph-status.ts), by their elements' Yjs ids. */
  lockParagraphs(ids: ReadonlySet<string>): void {
    this.lockedParagraphs = ids;
  }

  private integrate(update: Uint8Array, origin: RoomMember): void {
    if (this.bytes + update.length > this.limits.maxBytes) throw new DocumentFullError();
    if (touchesLockedParagraph(this.doc, update, this.lockedParagraphs)) throw new AgreedParagraphError();
    const claims = this.attribution.check(update, origin.userId, this.clientsOf(origin));
    let deleteSet: Y.Transaction['deleteSet'] | undefined;
    const capture = (transaction: Y.Transaction) => {
      if (transaction.origin === origin) deleteSet = transaction.deleteSet;
    };
    this.doc.on('afterTransaction', capture);
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      this.doc.off('afterTransaction', capture);
    }
    this.attribution.record(origin.userId, claims, deleteSet ?? { clients: new Map() });
    this.bytes += update.length;
  }

  /**
   * Applies a change another instance accepted: its server checked attribution and size, and its
   * attribution record arrives as part of the update. Relayed to members, not published again.
   */
  applyRemote(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    this.bytes += update.length;
    this.retryHeld();
  }

  applyRemoteAwareness(update: Uint8Array): void {
    this.gate.noteRemote(update);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  /** A member's awareness, for the client ids its user may speak for and stamped with who it is (AwarenessGate). */
  applyAwareness(update: Uint8Array, member: AwarenessMember): AwarenessOutcome {
    return this.gate.apply(update, member);
  }

  /** Stamps a member's states again after its access or identity changed. */
  restampAwareness(member: AwarenessMember): void {
    this.gate.restamp(member);
  }

  /** A member left: its states go, unless another connection of its user speaks for the same client id. */
  leaveAwareness(member: AwarenessMember): void {
    this.gate.leave(member);
  }

  /** The user who wrote under `client`, from the attribution record, or null; decodes the document only when `decode`. */
  private writerOf(client: number, decode: boolean): string | null {
    if (!this.decoded && !decode) return null;
    try {
      return this.attribution.users.getUserByClientId(client);
    } catch (error) {
      if (error instanceof RoomUnavailableError) return null;
      throw error;
    }
  }

  /**
   * The client ids `member` may write new content under: those its user announced first (the
   * attribution record allows those it wrote under before) and any it writes under without
   * announcing (a server-made change).
   */
  private clientsOf(member: RoomMember): ClientSet {
    return { has: (client) => member.ownClients?.has(client) === true || this.gate.ownerOf(client) === member.userId };
  }

  destroy(): void {
    this.broadcaster.destroy();
    this.awareness.destroy();
    this.awareness.doc.destroy();
    this.decoded?.doc.destroy();
  }

  /** A reader allowed to write from now on: it is sent what readers still wait for (Broadcaster.nowWrites). */
  nowWrites(member: RoomMember): void {
    this.broadcaster.nowWrites(member);
  }
}

/** A state vector that claims to know everything of these clients, so a diff against it leaves them out. */
function skipping(clients: Set<number>): Uint8Array {
  return Y.encodeStateVector(new Map([...clients].map((c) => [c, Number.MAX_SAFE_INTEGER])));
}

/** The room's stored document could not be decoded: the server's fault, not the client's. */
export class RoomUnavailableError extends Error {
  constructor() {
    super('This document could not be opened; the server has logged why.');
  }
}

export class DocumentFullError extends Error {
  constructor() {
    super('This document has reached its size limit: split it into sections or ask the chair.');
  }
}

/** An update that writes inside an agreed paragraph, which only the chair's reopening unlocks. */
export class AgreedParagraphError extends Error {
  constructor() {
    super('This paragraph is agreed: the chair reopens it before it can be changed.');
  }
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

const ATTRIBUTION_ORIGIN = Symbol('attribution');
const REMOTE_ORIGIN = Symbol('another instance');
