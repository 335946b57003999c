import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RedisBus } from './bus';
import { decodeRoomMessage, encodeRoomMessage, type RoomMessage } from './room-messages';
import type { Room } from '../rooms/room';

/** Longest a room load waits for the other instances' answers; an answer that comes later is still applied. */
const SYNC_WAIT_MS = 500;
/** Messages kept while a room loads; past this they are dropped, and the sync request after the load brings them. */
const MAX_EARLY_MESSAGES = 10_000;

type Early = { body: Uint8Array; from: string };

/** One loaded room's Redis channel: what arrived before the room was ready, and what waits to be published. */
type Channel = {
  name: string;
  room: Room | undefined;
  early: Early[];
  updates: Uint8Array[];
  awareness: Set<number>;
  publishScheduled: boolean;
  /** Answers still expected to this instance's latest sync request. */
  awaited: { count: number; done: () => void } | undefined;
};

/** The Redis channel of one room. */
export const roomChannel = (room: string) => `room:${room}`;

/**
 * Shares rooms between instances over Redis, one channel per loaded room. Changes accepted here are
 * published (merged per event-loop turn, as the room merges its broadcast); those of other instances are
 * applied to the local copy, which relays them to its members. A room that loads asks the instances
 * holding it for what they have beyond the store (updates accepted but not yet flushed).
 */
export class RoomFanout {
  private readonly channels = new Map<string, Channel>();
  private readonly stopRecovery: () => void;

  constructor(
    private readonly bus: RedisBus,
    private readonly log: Logger,
  ) {
    // Updates published while Redis was away reached no one: every loaded room asks again.
    this.stopRecovery = bus.onRecovered(() => {
      for (const channel of this.channels.values()) if (channel.room) void this.requestSync(channel, channel.room);
    });
  }

  /**
   * Subscribes before the room is read from the store: an update published meanwhile is either in
   * what the store returns or among the messages kept for attach().
   */
  async join(name: string): Promise<void> {
    const channel: Channel = {
      name,
      room: undefined,
      early: [],
      updates: [],
      awareness: new Set(),
      publishScheduled: false,
      awaited: undefined,
    };
    this.channels.set(name, channel);
    await this.bus.subscribe(roomChannel(name), (body, from) => this.receive(channel, body, from));
  }

  /** Starts sharing a loaded room; resolves once the other instances answered (or SYNC_WAIT_MS passed). */
  async attach(room: Room): Promise<void> {
    const channel = this.channels.get(room.name);
    if (!channel) throw new Error(`attach before join: ${room.name}`);
    channel.room = room;
    room.relay = {
      update: (update) => {
        channel.updates.push(update);
        this.schedulePublish(channel);
      },
      awareness: (clients) => {
        for (const id of clients) channel.awareness.add(id);
        this.schedulePublish(channel);
      },
    };
    for (const { body, from } of channel.early.splice(0)) {
      try {
        this.apply(channel, room, body, from);
      } catch (error) {
        this.log.warn({ err: error, room: room.name, from }, 'ignored a Redis message that could not be applied');
      }
    }
    await this.requestSync(channel, room);
  }

  /** Stops sharing a room that is being unloaded (or failed to load). */
  leave(name: string): void {
    const channel = this.channels.get(name);
    if (!channel) return;
    this.channels.delete(name);
    if (channel.room) channel.room.relay = undefined;
    channel.room = undefined;
    channel.awaited?.done();
    void this.bus.unsubscribe(roomChannel(name));
  }

  close(): void {
    this.stopRecovery();
    for (const name of [...this.channels.keys()]) this.leave(name);
  }

  /** Messages of a room that is still loading are kept; a malformed one throws, and the bus logs it. */
  private receive(channel: Channel, body: Uint8Array, from: string): void {
    if (channel.room) this.apply(channel, channel.room, body, from);
    else if (channel.early.length < MAX_EARLY_MESSAGES && this.channels.get(channel.name) === channel)
      channel.early.push({ body, from });
  }

  private apply(channel: Channel, room: Room, body: Uint8Array, from: string): void {
    const message = decodeRoomMessage(body);
    switch (message.type) {
      case 'update':
        room.applyRemote(message.update);
        break;
      case 'awareness':
        room.applyRemoteAwareness(message.update);
        break;
      case 'sync-request': {
        const update = Y.encodeStateAsUpdate(room.doc, message.stateVector);
        const awareness = awarenessProtocol.encodeAwarenessUpdate(room.awareness, [
          ...room.awareness.getStates().keys(),
        ]);
        void this.publish(channel, { type: 'sync-reply', to: from, update, awareness });
        // After an outage each instance asks as soon as its own connection is back, possibly before the
        // others listen again: whoever hears the request and lacks something of the sender's asks back.
        if (message.askBack && holdsMore(Y.decodeStateVector(message.stateVector), room.doc)) {
          void this.publish(channel, {
            type: 'sync-request',
            stateVector: Y.encodeStateVector(room.doc),
            askBack: false,
          });
        }
        break;
      }
      case 'sync-reply':
        if (message.to !== this.bus.instanceId) return;
        room.applyRemote(message.update);
        room.applyRemoteAwareness(message.awareness);
        if (channel.awaited && --channel.awaited.count <= 0) channel.awaited.done();
        break;
    }
  }

  private async requestSync(channel: Channel, room: Room): Promise<void> {
    const reached = await this.publish(channel, {
      type: 'sync-request',
      stateVector: Y.encodeStateVector(room.doc),
      askBack: true,
    });
    const others = reached - 1;
    if (others <= 0 || !this.channels.has(channel.name)) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), SYNC_WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        if (channel.awaited?.done === done) channel.awaited = undefined;
        resolve();
      };
      channel.awaited?.done();
      channel.awaited = { count: others, done };
    });
  }

  private schedulePublish(channel: Channel): void {
    if (channel.publishScheduled) return;
    channel.publishScheduled = true;
    setImmediate(() => {
      channel.publishScheduled = false;
      const room = channel.room;
      if (!room) return;
      const updates = channel.updates.splice(0);
      const clients = [...channel.awareness];
      channel.awareness.clear();
      try {
        if (updates.length)
          void this.publish(channel, {
            type: 'update',
            update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
          });
        if (clients.length)
          void this.publish(channel, {
            type: 'awareness',
            update: awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients),
          });
      } catch (error) {
        // A sync request carries this instance's state vector: whoever lacks these updates asks back for them.
        this.log.error({ err: error, room: room.name }, 'could not publish to other instances; resyncing');
        void this.requestSync(channel, room);
      }
    });
  }

  private publish(channel: Channel, message: RoomMessage): Promise<number> {
    this.log.trace({ room: channel.name, type: message.type }, 'publishing to other instances');
    return this.bus.publish(roomChannel(channel.name), encodeRoomMessage(message));
  }
}

/** Whether a peer with this state vector holds updates that `doc` lacks. */
function holdsMore(theirs: Map<number, number>, doc: Y.Doc): boolean {
  for (const [client, clock] of theirs) if (clock > Y.getState(doc.store, client)) return true;
  return false;
}
