import type { Logger } from 'pino';
import type { DocumentStore } from '../storage/document-store';
import type { RoomFanout } from '../redis/fanout';
import { Room, type RoomLimits, type RoomMember } from './room';

/** Longest a room's loading waits for the stored document to be written to its first clients. */
const SEND_AHEAD_WAIT_MS = 50;

export type RoomsOptions = {
  store: DocumentStore;
  log: Logger;
  idleUnloadMs: number;
  limits: RoomLimits;
  /** Runs before an idle room is unloaded (an automatic version); a failure keeps the room loaded. */
  beforeUnload: (room: Room) => Promise<void>;
  afterUnload?: (room: Room) => void;
  /** Other instances sharing the rooms (REDIS_URL); absent, this instance is alone. */
  fanout?: RoomFanout | undefined;
  /** The Yjs ids of a room's agreed paragraphs, which it refuses writes inside (Room.lockParagraphs). */
  lockedParagraphs?: (name: string) => ReadonlySet<string>;
};

/**
 * Loaded rooms by name. Loading is single-flight (clients joining a cold room together load it
 * once); an empty room is unloaded after its updates are stored and it has stayed idle.
 */
export class Rooms {
  private readonly loaded = new Map<string, Promise<Room>>();
  /** The loaded rooms whose loading has finished. */
  private readonly ready = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Joins under way per room: a room being joined is never unloaded under the joiner. */
  private readonly joining = new Map<string, Set<RoomMember>>();
  private closed = false;

  private readonly store: DocumentStore;
  private readonly log: Logger;
  private readonly fanout: RoomFanout | undefined;

  constructor(private readonly options: RoomsOptions) {
    this.store = options.store;
    this.log = options.log;
    this.fanout = options.fanout;
  }

  get size(): number {
    return this.loaded.size;
  }

  /** Loaded rooms holding their document decoded (see Room): the rest cost little more than their bytes. */
  get decodedCount(): number {
    let count = 0;
    for (const room of this.ready.values()) if (room.isDecoded) count++;
    return count;
  }

  /** The room by that name if it is loaded, without loading it. */
  loadedRoom(name: string): Room | undefined {
    return this.ready.get(name);
  }

  /** Adds a member to a room, loading the room if needed. */
  async join(name: string, member: RoomMember): Promise<Room> {
    const joiners = this.joining.get(name) ?? new Set<RoomMember>();
    this.joining.set(name, joiners.add(member));
    try {
      const room = await this.get(name);
      room.members.add(member);
      return room;
    } finally {
      joiners.delete(member);
      if (!joiners.size) this.joining.delete(name);
    }
  }

  /** Runs `work` on a room as a transient member, so the room stays loaded while it runs. */
  async use<T>(name: string, userId: string, work: (room: Room, member: RoomMember) => T | Promise<T>): Promise<T> {
    const member: RoomMember = { userId, ownClients: new Set(), send: () => {} };
    const room = await this.join(name, member);
    try {
      return await work(room, member);
    } finally {
      this.leave(room, member);
    }
  }

  /** Removes a member; an empty room is unloaded after the idle delay. */
  leave(room: Room, member: RoomMember): void {
    room.members.delete(member);
    if (room.members.size === 0) this.scheduleUnload(room);
  }

  private get(name: string): Promise<Room> {
    this.cancelUnload(name);
    let room = this.loaded.get(name);
    if (!room) {
      room = this.load(name);
      this.loaded.set(name, room);
      room.catch(() => this.loaded.delete(name));
    }
    return room;
  }

  /**
   * At shutdown, once the connections are closed: no room is unloaded any more (unloading compacts, in
   * a database about to close), including those their leaving members just scheduled; each room's edits
   * are versioned (beforeUnload) and stored, and the rooms freed.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const name of [...this.unloadTimers.keys()]) this.cancelUnload(name);
    for (const room of await this.all()) {
      await this.options
        .beforeUnload(room)
        .catch((error: unknown) => this.log.error({ err: error, room: room.name }, 'version at shutdown failed'));
    }
    await this.store.flushAll();
    // Each room's awareness runs a timer; a stopped server must not keep its process alive.
    for (const room of await this.all()) room.destroy();
  }

  private scheduleUnload(room: Room): void {
    this.cancelUnload(room.name);
    if (this.closed) return;
    const timer = setTimeout(() => void this.unload(room), this.options.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(room.name, timer);
  }

  async all(): Promise<Room[]> {
    return Promise.all(this.loaded.values());
  }

  private async load(name: string): Promise<Room> {
    const started = performance.now();
    await this.fanout?.join(name);
    try {
      const { update, logRows, deflated } = await this.store.load(name);
      const room = new Room(name, this.store, this.log, this.options.limits, update, deflated);
      const locked = this.options.lockedParagraphs?.(name);
      if (locked) room.lockParagraphs(locked);
      // Other instances may hold edits the store has not yet seen, which the room gathers as it attaches
      // below: ahead of that, a client would be told it is in sync while it still lacks them.
      if (update && !this.fanout) await this.sendAhead(room);
      await this.fanout?.attach(room);
      this.ready.set(name, room);
      this.log.info(
        {
          room: name,
          logRows,
          bytes: update?.length ?? 0,
          deflatedBytes: deflated?.length,
          ms: Math.round(performance.now() - started),
        },
        'room loaded',
      );
      return room;
    } catch (error) {
      this.fanout?.leave(name);
      throw error;
    }
  }

  /**
   * Sends the stored document to the clients waiting for this room as soon as it is read, ahead of
   * their sync requests, which are then answered with what changed since (usually nothing). Waits
   * until the bytes are written, and never long: a slow client must not hold up the room.
   */
  private async sendAhead(room: Room): Promise<void> {
    const joiners = [...(this.joining.get(room.name) ?? [])].filter((member) => member.wantsWholeDocument?.());
    if (!joiners.length) return;
    const frame = room.wholeDocument();
    const written = Promise.all(joiners.map((member) => member.sendStoredDocument!(frame)));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([written, new Promise((resolve) => (timer = setTimeout(resolve, SEND_AHEAD_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private cancelUnload(name: string): void {
    const timer = this.unloadTimers.get(name);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(name);
  }

  private async unload(room: Room): Promise<void> {
    this.unloadTimers.delete(room.name);
    if (room.members.size > 0 || this.joining.has(room.name)) return;
    try {
      await this.options.beforeUnload(room);
    } catch (error) {
      this.log.error({ err: error, room: room.name }, 'could not save before unloading; keeping the room');
      return this.scheduleUnload(room);
    }
    if (this.store.hasPending(room.name)) await this.store.flushAll();
    await this.store.settle(room.name);
    // A client may have joined while the flush ran; then the room stays.
    if (room.members.size > 0 || this.joining.has(room.name) || this.unloadTimers.has(room.name)) return;
    if (this.store.hasPending(room.name)) return this.scheduleUnload(room);
    this.fanout?.leave(room.name);
    this.loaded.delete(room.name);
    this.ready.delete(room.name);
    this.store.release(room.name);
    room.destroy();
    this.log.info({ room: room.name }, 'room unloaded');
    this.options.afterUnload?.(room);
  }
}
