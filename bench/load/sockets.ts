import WebSocket from 'ws';
import { openingFrames, unwrapHocuspocusFrame, wrapClientFrame, type Target } from './wire';

/**
 * Bytes read from the connection (after any compression), for the bytes-on-the-wire figure of a cold
 * load, and when the latest message arrived, before the client handled it.
 */
export type ByteCounter = { bytes: number; receivedAt?: number };

/**
 * The `WebSocketPolyfill` given to the stock y-websocket `WebsocketProvider`, so one client
 * implementation talks to all three servers: it sends the session cookie (Concordia), translates
 * frames (Hocuspocus), and counts received bytes when asked.
 */
export function providerSocket(
  target: Target,
  cookie: string | undefined,
  counter?: ByteCounter,
): typeof globalThis.WebSocket {
  const headers = cookie ? { cookie } : {};
  const hocuspocus = target.kind === 'hocuspocus';

  class ProviderSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      // Offers permessage-deflate as browsers do; a server that accepts it may compress what it sends.
      super(url, protocols, { headers });
      if (hocuspocus)
        this.on('open', () => openingFrames(target.kind, target.room).forEach((frame) => super.send(frame)));
    }

    override send(data: Uint8Array | ArrayBuffer): void {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      super.send(wrapClientFrame(target.kind, target.room, bytes));
    }

    // ws delivers frames through emit('message', data, isBinary); the provider reads event.data.
    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event !== 'message') return super.emit(event, ...args);
      const data = args[0] as ArrayBuffer;
      // The socket's own count: compressed frames, frame headers and the upgrade response, as on the wire.
      if (counter) {
        counter.bytes =
          (this as unknown as { _socket?: { bytesRead: number } })._socket?.bytesRead ??
          counter.bytes + data.byteLength;
        counter.receivedAt = performance.now();
      }
      if (!hocuspocus) return super.emit(event, ...args);
      const frame = unwrapHocuspocusFrame(new Uint8Array(data));
      if (!frame) return false;
      const copy = frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength);
      return super.emit(event, copy, args[1]);
    }
  }
  return ProviderSocket as unknown as typeof globalThis.WebSocket;
}
