import type { Duplex } from 'node:stream';
import { constants, deflateRaw } from 'node:zlib';

/**
 * permessage-deflate as the server offers it. Only large messages are compressed — a document's first
 * sync, a big paste — where it halves the bytes a client waits for; keystrokes stay as they are. No
 * context is carried between messages, so a large message compresses to the same bytes for every
 * socket: the server deflates it once (sharedFrame) and writes that frame to each. ws would deflate
 * it per socket and keep each socket's zlib state for the rest of its life: serving the editing trace
 * (389 KB) to 500 readers cost 237 KiB of RSS per reader that way, 35 KiB with one shared frame.
 * Level 4 deflates the trace in 6 ms against 11 for level 6, for 2 % more bytes; an 8 KiB window and
 * memLevel 7 keep the zlib state small where ws still compresses (a client not taking shared frames).
 */
export const COMPRESSION = {
  threshold: 16 * 1024,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  serverMaxWindowBits: 13,
  zlibDeflateOptions: { level: 4, memLevel: 7 },
} as const;

/**
 * Whether a socket can take the shared frames, from the handshake's response headers: it negotiated
 * permessage-deflate with a window at least as large as the one they are compressed with.
 */
export function takesSharedFrames(responseHeaders: readonly string[]): boolean {
  const extensions = responseHeaders.find((h) => h.toLowerCase().startsWith('sec-websocket-extensions:'));
  if (!extensions) return false;
  const params = extensions.slice(extensions.indexOf(':') + 1).split(';').map((p) => p.trim().toLowerCase());
  if (params[0] !== 'permessage-deflate') return false;
  const window = params.find((p) => p.startsWith('server_max_window_bits'))?.split('=')[1];
  return window === undefined || Number(window) >= COMPRESSION.serverMaxWindowBits;
}

/** A compressed binary WebSocket frame: its header, and the payload shared by every socket it goes to. */
type SharedFrame = { header: Buffer; payload: Buffer };

type Entry = { frame?: SharedFrame; ready: Promise<SharedFrame> };
const frames = new WeakMap<Uint8Array, Entry>();

/**
 * The message as a compressed frame, deflated once (off the event loop) and kept as long as the message
 * itself is referenced: a room's whole-document reply until its next change, a broadcast while it goes out.
 */
export function sharedFrame(message: Uint8Array): Entry {
  let entry = frames.get(message);
  if (entry) return entry;
  const ready = new Promise<SharedFrame>((resolve, reject) => {
    const options = { ...COMPRESSION.zlibDeflateOptions, windowBits: COMPRESSION.serverMaxWindowBits, finishFlush: constants.Z_SYNC_FLUSH };
    deflateRaw(message, options, (error, deflated) => {
      if (error) return reject(error);
      // RFC 7692 §7.2.1: the message ends where the sync flush's empty block (00 00 ff ff) begins.
      const payload = deflated.subarray(0, deflated.length - 4);
      resolve((entry!.frame = { header: frameHeader(payload.length), payload }));
    });
  });
  // A failure reaches the caller waiting on it, which falls back to ws; no one else need handle it.
  ready.catch(() => {});
  entry = { ready };
  frames.set(message, entry);
  return entry;
}

/** Writes a shared frame to the socket under a WebSocket connection; `done` once it is handed to the kernel. */
export function writeSharedFrame(socket: Duplex, frame: SharedFrame, done?: () => void): void {
  socket.cork();
  socket.write(frame.header);
  socket.write(frame.payload, done && (() => done()));
  socket.uncork();
}

/** RFC 6455 §5.2: final fragment, RSV1 (compressed), binary; unmasked, as servers send. */
function frameHeader(length: number): Buffer {
  const FIN_RSV1_BINARY = 0x80 | 0x40 | 0x02;
  if (length < 126) return Buffer.from([FIN_RSV1_BINARY, length]);
  if (length < 65_536) {
    const header = Buffer.from([FIN_RSV1_BINARY, 126, 0, 0]);
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.alloc(10);
  header[0] = FIN_RSV1_BINARY;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}
