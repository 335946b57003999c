import type { Duplex } from 'node:stream';
import { promisify } from 'node:util';
import { constants, deflateRaw, inflateRaw } from 'node:zlib';

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
  const params = extensions
    .slice(extensions.indexOf(':') + 1)
    .split(';')
    .map((p) => p.trim().toLowerCase());
  if (params[0] !== 'permessage-deflate') return false;
  const window = params.find((p) => p.startsWith('server_max_window_bits'))?.split('=')[1];
  return window === undefined || Number(window) >= COMPRESSION.serverMaxWindowBits;
}

/** A compressed binary WebSocket frame: its header, and the payload shared by every socket it goes to. */
type SharedFrame = { header: Buffer; payload: Buffer };

/** `stored` when the frame was made from a document as it is stored, with nothing compressed to send it. */
type Entry = { frame?: SharedFrame; ready: Promise<SharedFrame>; stored?: true };
const frames = new WeakMap<Uint8Array, Entry>();

/**
 * The message as a compressed frame, deflated once (off the event loop) and kept as long as the message
 * itself is referenced: a room's whole-document reply until its next change, a broadcast while it goes out.
 */
export function sharedFrame(message: Uint8Array): Entry {
  let entry = frames.get(message);
  if (entry) return entry;
  const ready = deflateMessage(message).then(
    (payload) => (entry!.frame = { header: frameHeader(payload.length), payload }),
  );
  // A failure reaches the caller waiting on it, which falls back to ws; no one else need handle it.
  ready.catch(() => {});
  entry = { ready };
  frames.set(message, entry);
  return entry;
}

/**
 * Gives `message` its shared frame without compressing anything, when all of it but its first `headLength`
 * bytes is already deflated (deflateMessage: a document as stored). The head goes in front as a stored
 * block (RFC 1951 §3.2.4), which leaves the deflated part's back-references as they were.
 */
export function seedSharedFrame(message: Uint8Array, headLength: number, deflatedTail: Uint8Array): void {
  const stored = Buffer.alloc(5 + headLength);
  // Byte 0: not the last block, type "stored", padded to the byte boundary; then LEN and its complement.
  stored.writeUInt16LE(headLength, 1);
  stored.writeUInt16LE(~headLength & 0xffff, 3);
  stored.set(message.subarray(0, headLength), 5);
  const payload = Buffer.concat([stored, deflatedTail]);
  const frame = { header: frameHeader(payload.length), payload };
  frames.set(message, { frame, ready: Promise.resolve(frame), stored: true });
}

const deflating = promisify(deflateRaw);
const inflating = promisify(inflateRaw);
/** RFC 7692 §7.2.1: a compressed message ends where the sync flush's empty block (00 00 ff ff) begins. */
const SYNC_FLUSH_TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);

/** Bytes deflated as the payload of a compressed message, with the window and level the server negotiates. */
export async function deflateMessage(bytes: Uint8Array): Promise<Buffer> {
  const options = {
    ...COMPRESSION.zlibDeflateOptions,
    windowBits: COMPRESSION.serverMaxWindowBits,
    finishFlush: constants.Z_SYNC_FLUSH,
    chunkSize: outputChunk(bytes.length),
  };
  const deflated = await deflating(bytes, options);
  return deflated.subarray(0, deflated.length - SYNC_FLUSH_TAIL.length);
}

/** The bytes deflateMessage was given. */
export function inflateMessage(payload: Uint8Array): Promise<Buffer> {
  return inflating(Buffer.concat([payload, SYNC_FLUSH_TAIL]), {
    finishFlush: constants.Z_SYNC_FLUSH,
    chunkSize: outputChunk(payload.length * 3),
  });
}

/**
 * Off the event loop, zlib comes back to it after every output chunk: with the default 16 KiB, inflating
 * the trace (389 KB) took 6 ms instead of 1.3, deflating it 9 instead of 7. One chunk about the expected
 * size of the output does it in one go.
 */
function outputChunk(expectedBytes: number): number {
  return Math.min(Math.max(expectedBytes, constants.Z_DEFAULT_CHUNK), 4 * 1024 * 1024);
}

/** Writes a shared frame to the socket under a WebSocket connection; `done` once it is handed to the kernel. */
export function writeSharedFrame(socket: Duplex, frame: SharedFrame, done?: () => void): void {
  socket.cork();
  socket.write(frame.header);
  socket.write(frame.payload, done && (() => done()));
  socket.uncork();
}

const plainFrames = new WeakMap<Uint8Array, Buffer>();

/**
 * The message as one uncompressed frame, header and payload in one buffer, built once per message: a
 * broadcast goes to every socket of a room as the same bytes, written with one call each, where ws would
 * build a header for each socket and write the two together.
 */
export function plainFrame(message: Uint8Array): Buffer {
  let frame = plainFrames.get(message);
  if (frame) return frame;
  const header = frameHeader(message.length, false);
  frame = Buffer.allocUnsafe(header.length + message.length);
  frame.set(header);
  frame.set(message, header.length);
  plainFrames.set(message, frame);
  return frame;
}

/** RFC 6455 §5.2: final fragment, RSV1 when compressed, binary; unmasked, as servers send. */
function frameHeader(length: number, compressed = true): Buffer {
  const first = 0x80 | (compressed ? 0x40 : 0) | 0x02;
  if (length < 126) return Buffer.from([first, length]);
  if (length < 65_536) {
    const header = Buffer.from([first, 126, 0, 0]);
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.alloc(10);
  header[0] = first;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}
