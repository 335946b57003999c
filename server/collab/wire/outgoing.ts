import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { COMPRESSION, plainFrame, sharedFrame, writeSharedFrame } from './shared-deflate';

type Pending = { message: Uint8Array; done: (() => void) | undefined };

/**
 * One connection's outgoing messages, in order, written to the socket under ws as frames built once for
 * every socket they go to (see shared-deflate): small ones as they are, large ones compressed. While a
 * large message is compressed, what follows waits behind it. ws sends instead to a client that cannot
 * take the shared compressed frames, and whatever ws itself still holds back goes first.
 */
export class Outgoing {
  private waiting: Pending[] | null = null;

  constructor(
    private readonly socket: WebSocket,
    /** The socket under `socket`, when its client takes shared frames; absent, ws compresses as usual. */
    private readonly rawSocket: Duplex | undefined,
    /** Told how each large message went out. */
    private readonly counted: (compression: 'shared' | 'stored' | 'ws') => void,
  ) {}

  /** Sends one message; `done` runs once it is written, or at once when the socket is no longer open. */
  send(message: Uint8Array, done?: () => void): void {
    const { socket, rawSocket } = this;
    if (this.waiting) return void this.waiting.push({ message, done });
    if (socket.readyState !== socket.OPEN) return done?.();
    // Anything ws still holds back (a message it is compressing) must go first; then ws is bypassed.
    const bypass = rawSocket && socket.bufferedAmount === rawSocket.writableLength;
    if (message.length < COMPRESSION.threshold) {
      if (bypass) return void rawSocket.write(plainFrame(message), done && (() => done()));
      return void socket.send(message, done && (() => done()));
    }
    if (!bypass) {
      this.counted('ws');
      return this.throughWs(message, done);
    }
    const entry = sharedFrame(message);
    if (entry.frame) {
      this.counted(entry.stored ? 'stored' : 'shared');
      return writeSharedFrame(rawSocket, entry.frame, done);
    }
    this.waiting = [];
    entry.ready.then(
      () => this.release({ message, done }),
      () => this.release({ message, done }, 'through ws'),
    );
  }

  /** Sends the message that was being compressed, then what was sent meanwhile, in order. */
  private release(first: Pending, route?: 'through ws'): void {
    const waiting = this.waiting ?? [];
    this.waiting = null;
    if (route) this.throughWs(first.message, first.done);
    else this.send(first.message, first.done);
    for (const [i, next] of waiting.entries()) {
      // Another large message started compressing: the rest waits behind it.
      const behind = this.waiting as Pending[] | null;
      if (behind) return void behind.push(...waiting.slice(i));
      this.send(next.message, next.done);
    }
  }

  private throughWs(message: Uint8Array, done: (() => void) | undefined): void {
    if (this.socket.readyState !== this.socket.OPEN) return done?.();
    this.socket.send(message, done && (() => done()));
  }
}
