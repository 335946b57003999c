import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Application message (outside y-websocket's 0–3) by which the server tells an editor what its
 * connection may do, at connect and whenever an appointment, a section, a freeze or the phase changes.
 */
export const ACCESS_MESSAGE = 100;

export type ConnectionAccess = 'read' | 'write';

export function encodeAccessMessage(access: ConnectionAccess): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ACCESS_MESSAGE);
  encoding.writeVarString(encoder, access);
  return encoding.toUint8Array(encoder);
}

/** Reads the payload after the message type; anything unexpected counts as read-only. */
export function readAccessMessage(decoder: decoding.Decoder): ConnectionAccess {
  return decoding.readVarString(decoder) === 'write' ? 'write' : 'read';
}

/** Application message carrying a human-readable notice for the editor (a refused write, a full document). */
export const NOTICE_MESSAGE = 101;

export function encodeNoticeMessage(text: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, NOTICE_MESSAGE);
  encoding.writeVarString(encoder, text);
  return encoding.toUint8Array(encoder);
}

export function readNoticeMessage(decoder: decoding.Decoder): string {
  return decoding.readVarString(decoder);
}
