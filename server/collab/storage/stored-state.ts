import { COMPRESSION, deflateMessage, inflateMessage } from '../wire/shared-deflate';

/**
 * A document's merged state as doc_states keeps it: deflated exactly as the WebSocket payload that sends
 * it (deflateMessage), so the first client to open a section at rest gets the stored bytes with nothing
 * compressed again, and the database reads a third of the bytes. Rows written before this carry no
 * window: their state is the plain Yjs update.
 */
export type StoredState = { state: Uint8Array; deflateWindowBits: number | null };

export async function packState(update: Uint8Array): Promise<StoredState> {
  return { state: await deflateMessage(update), deflateWindowBits: COMPRESSION.serverMaxWindowBits };
}

export async function unpackState(row: StoredState): Promise<Uint8Array> {
  if (row.deflateWindowBits === null) return row.state;
  const inflated = await inflateMessage(row.state);
  return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
}

/**
 * The deflated state, when it can go to clients as it is: compressed with a window no larger than the
 * one the server negotiates today.
 */
export function sendableDeflated(row: StoredState): Uint8Array | undefined {
  if (row.deflateWindowBits === null || row.deflateWindowBits > COMPRESSION.serverMaxWindowBits) return undefined;
  return row.state;
}
