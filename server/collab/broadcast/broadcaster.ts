import type { Logger } from 'pino';
import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwareness } from '../../../lib/shared/wire/awareness';
import { encodeUpdate } from '../../../lib/shared/wire/sync';
import { SoonestTimer } from '../timers/soonest-timer';
import { AwarenessPacing } from './awareness-pacing';
import { ReaderPacing } from './reader-pacing';
import type { RoomMember } from '../rooms/room';

/**
 * Sends a room's accepted updates and awareness to its members. Updates that arrive in the same
 * event-loop turn are merged and encoded once, and the same bytes go to every member: writers at once,
 * readers as ReaderPacing allows, awareness as AwarenessPacing allows.
 */
export class Broadcaster {
  private pendingUpdates: Uint8Array[] = [];
  /** Updates already sent to writers, waiting for the readers' next frame. */
  private readerUpdates: Uint8Array[] = [];
  private readonly readerPacing: ReaderPacing;
  private readonly pendingAwareness = new Set<number>();
  private readonly awarenessPacing = new AwarenessPacing();
  private scheduled = false;
  /** Waiting for pending awareness or readers' updates to be due. */
  private readonly wake = new SoonestTimer(
    () => this.schedule(),
    () => performance.now(),
  );

  constructor(
    private readonly members: ReadonlySet<RoomMember>,
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly log: Logger,
    private readonly room: string,
    /** See ReaderPacing. */
    readerMsPerReader: number,
  ) {
    this.readerPacing = new ReaderPacing(readerMsPerReader);
  }

  /** An update the document took: members are sent it at the end of this turn (readers when due). */
  update(update: Uint8Array): void {
    this.pendingUpdates.push(update);
    this.schedule();
  }

  /** The awareness of `clients` changed (`change`: a state really changed; otherwise only renewed). */
  awarenessChanged(clients: readonly number[], change: boolean): void {
    for (const id of clients) this.pendingAwareness.add(id);
    this.awarenessPacing.note(change);
    this.schedule();
  }

  /**
   * A reader allowed to write from now on is sent at once what readers still wait for: as a writer it
   * is sent only what comes next, and it must not miss what came before.
   */
  nowWrites(member: RoomMember): void {
    if (!this.readerUpdates.length || !this.members.has(member)) return;
    member.send(encodeUpdate(Y.mergeUpdates(this.readerUpdates)));
  }

  destroy(): void {
    this.wake.clear();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.broadcast());
  }

  private broadcast(): void {
    this.scheduled = false;
    const now = performance.now();
    let writerUpdate: Uint8Array | null = null;
    if (this.pendingUpdates.length) {
      const updates = this.pendingUpdates;
      this.pendingUpdates = [];
      const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      writerUpdate = encodeUpdate(update);
      this.readerUpdates.push(update);
    }
    let readerUpdate: Uint8Array | null = null;
    if (this.readerUpdates.length) {
      const wait = this.readerPacing.wait(now);
      if (wait > 0) this.wake.setIn(wait);
      else readerUpdate = this.takeReaderUpdate(writerUpdate);
    }
    let awareness: Uint8Array | null = null;
    if (this.pendingAwareness.size) {
      const wait = this.awarenessPacing.wait(now);
      if (wait > 0) this.wake.setIn(wait);
      else {
        const clients = [...this.pendingAwareness];
        this.pendingAwareness.clear();
        awareness = encodeAwareness(this.awareness, clients);
        this.awarenessPacing.sent(now, this.members.size);
      }
    }
    let readers = 0;
    for (const member of this.members) {
      const reader = member.access === 'read';
      if (reader) readers++;
      const update = reader ? readerUpdate : writerUpdate;
      if (update) member.send(update);
      if (awareness) member.send(awareness);
    }
    if (readerUpdate) this.readerPacing.sent(now, readers);
    // Nobody to send them to: a reader joining later is sent the whole document anyway.
    if (!readers) this.readerUpdates = [];
    this.log.trace(
      {
        room: this.room,
        writerUpdate: Boolean(writerUpdate),
        readerUpdate: Boolean(readerUpdate),
        members: this.members.size,
      },
      'broadcast',
    );
  }

  /** The readers' waiting updates as one frame, and none waiting after; `latest` when it is all of them. */
  private takeReaderUpdate(latest: Uint8Array | null): Uint8Array {
    const updates = this.readerUpdates;
    this.readerUpdates = [];
    if (updates.length === 1 && latest) return latest;
    return encodeUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
  }
}
