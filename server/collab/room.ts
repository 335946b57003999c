import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store';
import { wordCount } from '../../lib/documents/paragraphs';
import { encodeAwareness, encodeUpdate } from './protocol';

/** What a room needs from a connection: somewhere to send bytes. */
export interface RoomMember {
  send(message: Uint8Array): void;
}

/**
 * One live document and the connections editing or watching it. Updates that arrive in the
 * same event-loop turn are merged and encoded once, and the same bytes go to every member.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: false });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly members = new Set<RoomMember>();
  private pendingUpdates: Uint8Array[] = [];
  private pendingAwareness = new Set<number>();
  private broadcastScheduled = false;

  constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly log: Logger,
  ) {
    this.awareness.setLocalState(null);
    store.describe(name, () => wordCount(this.doc));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD_ORIGIN) return;
      this.store.append(this.name, update);
      this.pendingUpdates.push(update);
      this.scheduleBroadcast();
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange) => {
      for (const id of [...added, ...updated, ...removed]) this.pendingAwareness.add(id);
      this.scheduleBroadcast();
    });
  }

  /** Applies the stored state without echoing it back to the store or to members. */
  load(update: Uint8Array | null): void {
    if (update) Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
  }

  /** Applies a member's update; throws (leaving the document untouched) when it does not decode. */
  applyUpdate(update: Uint8Array, origin: RoomMember): void {
    Y.decodeUpdate(update);
    Y.applyUpdate(this.doc, update, origin);
  }

  applyAwareness(update: Uint8Array, origin: RoomMember): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin);
  }

  removeAwareness(clients: number[], origin: RoomMember): void {
    if (clients.length) awarenessProtocol.removeAwarenessStates(this.awareness, clients, origin);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private scheduleBroadcast(): void {
    if (this.broadcastScheduled) return;
    this.broadcastScheduled = true;
    setImmediate(() => this.broadcast());
  }

  private broadcast(): void {
    this.broadcastScheduled = false;
    const frames: Uint8Array[] = [];
    if (this.pendingUpdates.length) {
      const updates = this.pendingUpdates;
      this.pendingUpdates = [];
      frames.push(encodeUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)));
    }
    if (this.pendingAwareness.size) {
      const clients = [...this.pendingAwareness];
      this.pendingAwareness.clear();
      frames.push(encodeAwareness(this.awareness, clients));
    }
    for (const member of this.members) {
      for (const frame of frames) member.send(frame);
    }
    this.log.trace({ room: this.name, frames: frames.length, members: this.members.size }, 'broadcast');
  }
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

const LOAD_ORIGIN = Symbol('load');
