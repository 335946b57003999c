import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { CloseCode } from '../../lib/shared/close-codes';
import {
  encodeAccessMessage,
  encodeNoticeMessage,
  encodeSavedMessage,
  type ConnectionAccess,
} from '../../lib/shared/app-messages';
import { encodeAwareness } from '../../lib/shared/wire/awareness';
import { decodeClientMessage, isFreshSyncRequest } from '../../lib/shared/wire/client-messages';
import { isEmptyStateVector, isEmptyUpdate } from '../../lib/shared/wire/sync';
import { AttributionError } from './rooms/attribution';
import type { Metrics } from './metrics';
import type { SessionClaims } from '../../lib/auth/session-token';
import type { AwarenessUser } from '../../lib/shared/awareness-user';
import type { MessageBudget } from './wire/message-budget';
import type { AwarenessMember } from './awareness/gate';
import {
  AgreedParagraphError,
  DocumentFullError,
  RoomUnavailableError,
  type Room,
  type RoomMember,
} from './rooms/room';
import type { Rooms } from './rooms/rooms';
import { Incoming } from './wire/incoming';
import { Outgoing } from './wire/outgoing';

export type ConnectionOptions = {
  socket: WebSocket;
  /** The socket under `socket`, when its client takes shared compressed frames (see shared-deflate). */
  rawSocket?: Duplex | undefined;
  rooms: Rooms;
  roomName: string;
  userId: string;
  access: ConnectionAccess;
  /** The plan the room belongs to, to find the connections an authorization change affects. */
  planId: string;
  /** A plan page's connection to the goal room: it is sent the plan's activity. */
  followsPlan: boolean;
  /** The user's role in the plan ('admin' for an administrator who is not a member), for metrics. */
  role: string;
  /** Who the user is to the others in the room: stamped on every awareness state this socket sends. */
  identity: AwarenessUser;
  /** The session that opened the socket: it closes when the session expires or is signed out. */
  session: SessionClaims;
  metrics: Metrics;
  /** Messages this connection may still send; protects the server and the room from a flood. */
  budget: MessageBudget;
  /** Messages waiting for budget before the client is disconnected as a flood. */
  maxQueuedMessages: number;
  log: Logger;
  /** Bytes queued to one slow client before it is disconnected to resync, instead of growing memory. */
  maxBufferedBytes: number;
};

/** Refused updates tolerated before the connection is closed as misbehaving. */
const MAX_REFUSED_WRITES = 50;

/**
 * One client's y-websocket session in one room. `read` connections are answered (sync step 1)
 * but their updates are dropped: never applied, relayed or stored.
 */
export class Connection implements RoomMember, AwarenessMember {
  private room: Room | undefined;
  private readonly incoming: Incoming;
  private readonly outgoing: Outgoing;
  /** The room sent the stored document ahead of this client's sync request (see Rooms). */
  private sentStoredDocument = false;
  private refusedWrites = 0;
  /** Some of this connection's awareness was left out already (logged once at info). */
  private awarenessLeftOut = false;
  /**
   * A write of this connection was refused (a full document, a forged attribution): what it sent is not
   * all kept, whatever is stored later. Its client sends what the room lacks again on its next connection.
   */
  private dropped = false;
  private closed = false;
  private grantedAccess: ConnectionAccess;
  private currentIdentity: AwarenessUser;
  private readonly expiry: NodeJS.Timeout;

  constructor(private readonly options: ConnectionOptions) {
    const { socket } = options;
    this.incoming = new Incoming(
      socket,
      options.budget,
      options.maxQueuedMessages,
      () => this.room !== undefined && !this.closed,
      (bytes) => this.handle(bytes),
    );
    this.outgoing = new Outgoing(socket, options.rawSocket, (compression) =>
      options.metrics.largeMessages.inc({ compression }),
    );
    this.grantedAccess = options.access;
    this.currentIdentity = options.identity;
    // setTimeout holds at most ~24.8 days; sessions last hours.
    const untilExpiry = Math.min(options.session.expiresAt.getTime() - Date.now(), 2 ** 31 - 1);
    this.expiry = setTimeout(() => this.close(CloseCode.Unauthenticated, 'session expired'), Math.max(0, untilExpiry));
    this.expiry.unref();
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (!isBinary) return this.close(CloseCode.Malformed, 'text frames are not y-websocket protocol');
      if (!this.incoming.push(bytes)) {
        this.options.metrics.droppedUpdates.inc({ reason: 'rate limit' });
        return this.close(CloseCode.TooFast, 'sending too fast; reconnect to resync');
      }
      this.incoming.drain();
    });
    socket.on('close', () => this.detach());
    socket.on('error', (error) => options.log.warn({ err: error, room: options.roomName }, 'socket error'));
    void this.attach();
  }

  get access(): ConnectionAccess {
    return this.grantedAccess;
  }

  get sessionId(): string {
    return this.options.session.sessionId;
  }

  get role(): string {
    return this.options.role;
  }

  get planId(): string {
    return this.options.planId;
  }

  get followsPlan(): boolean {
    return this.options.followsPlan;
  }

  get userId(): string {
    return this.options.userId;
  }

  get roomName(): string {
    return this.options.roomName;
  }

  get identity(): AwarenessUser {
    return this.currentIdentity;
  }

  /**
   * Applies a re-evaluated permission at once and tells the editor, which turns read-only or editable.
   * The socket's awareness shows the new identity (an appointment changed) and, once it only reads, no caret.
   */
  setAccess(access: ConnectionAccess, identity: AwarenessUser = this.currentIdentity): void {
    const restamp = (access === 'read' && this.grantedAccess === 'write') || !sameUser(identity, this.currentIdentity);
    this.currentIdentity = identity;
    if (access !== this.grantedAccess) {
      this.options.log.info(
        { room: this.options.roomName, userId: this.options.userId, from: this.grantedAccess, to: access },
        'access changed',
      );
      this.grantedAccess = access;
      if (access === 'write') this.room?.nowWrites(this);
      this.send(encodeAccessMessage(access));
      if (access === 'write' && this.room) this.askWhatItHolds(this.room);
    }
    if (restamp) this.room?.restampAwareness(this);
  }

  /** Sends one message; `done` runs once it is written (or dropped with the connection). */
  send(message: Uint8Array, done?: () => void): void {
    const { socket, maxBufferedBytes } = this.options;
    if (socket.bufferedAmount > maxBufferedBytes) {
      done?.();
      return this.close(CloseCode.GoingAway, 'client too slow; reconnect to resync');
    }
    this.outgoing.send(message, done);
  }

  wantsWholeDocument(): boolean {
    return !this.closed && this.incoming.some(isFreshSyncRequest);
  }

  sendStoredDocument(frame: Uint8Array): Promise<void> {
    this.sentStoredDocument = true;
    return new Promise((resolve) => this.send(frame, resolve));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.options.log.info(
      { room: this.options.roomName, userId: this.options.userId, code, reason },
      'closing connection',
    );
    this.options.socket.close(code, reason);
    this.detach();
  }

  private async attach(): Promise<void> {
    const { rooms, roomName, log } = this.options;
    let room: Room;
    try {
      room = await rooms.join(roomName, this);
    } catch (error) {
      log.error({ err: error, room: roomName }, 'room failed to load');
      return this.close(CloseCode.GoingAway, 'room unavailable; retry');
    }
    this.room = room;
    if (this.closed) return this.detach();
    // Only a writer is asked for what it holds: a reader's updates are dropped, so asking would only
    // cost the reader an encoding and the room a decoding of its document.
    if (this.grantedAccess === 'write' && !this.askWhatItHolds(room)) return;
    this.send(encodeAccessMessage(this.grantedAccess));
    const states = [...room.awareness.getStates().keys()];
    if (states.length) this.send(encodeAwareness(room.awareness, states));
    this.incoming.drain();
  }

  /** Sends a writer sync step 1; false (and closed) when the room's document cannot be decoded. */
  private askWhatItHolds(room: Room): boolean {
    try {
      this.send(room.syncStep1());
      return true;
    } catch (error) {
      if (!(error instanceof RoomUnavailableError)) throw error;
      this.close(CloseCode.GoingAway, 'room unavailable; retry');
      return false;
    }
  }

  private detach(): void {
    this.closed = true;
    clearTimeout(this.expiry);
    this.incoming.stop();
    const room = this.room;
    if (!room) return;
    this.room = undefined;
    room.leaveAwareness(this);
    this.options.rooms.leave(room, this);
  }

  private handle(bytes: Uint8Array): void {
    const room = this.room;
    if (!room || this.closed) return;
    try {
      const message = decodeClientMessage(bytes);
      switch (message.type) {
        case 'sync-step-1': {
          const reply =
            this.sentStoredDocument && isEmptyStateVector(message.stateVector)
              ? room.changesSinceLoad()
              : room.syncReply(message.stateVector);
          this.sentStoredDocument = false;
          if (reply) this.send(reply);
          break;
        }
        case 'update':
          if (this.grantedAccess === 'write') {
            room.applyUpdate(message.update, this, message.step === 'update');
            this.options.metrics.updates.inc();
          } else if (!isEmptyUpdate(message.update)) this.refuseWrite('read-only connection');
          break;
        case 'awareness': {
          const { announced, dropped } = room.applyAwareness(message.update, this);
          for (const reason of dropped) this.options.metrics.droppedAwareness.inc({ reason });
          if (dropped.length) this.reportLeftOut(dropped);
          // Content held for a client id this connection just took up may now be its own.
          if (announced) room.retryHeld();
          break;
        }
        case 'query-awareness':
          this.send(encodeAwareness(room.awareness, [...room.awareness.getStates().keys()]));
          break;
        case 'save-check':
          void this.confirmSaved(room, message.id);
          break;
      }
    } catch (error) {
      if (error instanceof AttributionError) {
        this.dropped = true;
        return this.refuseWrite(error.message);
      }
      if (error instanceof RoomUnavailableError) return this.close(CloseCode.GoingAway, 'room unavailable; retry');
      if (error instanceof AgreedParagraphError) {
        this.dropped = true;
        this.send(encodeNoticeMessage('paragraphAgreed'));
        return this.refuseWrite('agreed paragraph');
      }
      if (error instanceof DocumentFullError) {
        this.dropped = true;
        this.send(encodeNoticeMessage('documentFull'));
        return this.refuseWrite('document full');
      }
      this.options.log.warn(
        { err: error, room: this.options.roomName, userId: this.options.userId },
        'malformed message',
      );
      this.close(CloseCode.Malformed, 'malformed message');
    }
  }

  /** Answers a save check once everything this connection sent before it is stored (or cannot be). */
  private async confirmSaved(room: Room, id: number): Promise<void> {
    const outcome =
      this.grantedAccess !== 'write' ? 'read-only' : this.dropped ? 'dropped' : await room.whenStored(this);
    if (!this.closed) this.send(encodeSavedMessage(id, outcome));
  }

  /** Logs awareness left out: the first time at info, then at debug (a client repeating it must not flood the log). */
  private reportLeftOut(reasons: string[]): void {
    const { log, roomName, userId } = this.options;
    log[this.awarenessLeftOut ? 'debug' : 'info']({ room: roomName, userId, reasons }, 'left out awareness');
    this.awarenessLeftOut = true;
  }

  /** Drops an update the connection may not make: never applied, relayed or stored. */
  private refuseWrite(reason: string): void {
    this.refusedWrites++;
    this.options.metrics.droppedUpdates.inc({ reason });
    this.options.log.warn(
      { room: this.options.roomName, userId: this.options.userId, reason, attempt: this.refusedWrites },
      'dropped update',
    );
    if (this.refusedWrites >= MAX_REFUSED_WRITES)
      this.close(CloseCode.Forbidden, 'kept sending updates it may not make');
  }
}

function sameUser(a: AwarenessUser, b: AwarenessUser): boolean {
  return a.userId === b.userId && a.name === b.name && a.state === b.state && a.color === b.color && a.role === b.role;
}
