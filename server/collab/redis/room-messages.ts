import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** What instances sharing a room tell each other on its Redis channel (after the bus's sender id). */
export type RoomMessage =
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  /**
   * "Send me what you hold beyond this state vector": a room just loaded, or Redis came back. With
   * askBack, an instance that finds the sender holds more than it does asks in turn (without askBack).
   */
  | { type: 'sync-request'; stateVector: Uint8Array; askBack: boolean }
  /** The answer, addressed to the instance that asked; the others ignore it. */
  | { type: 'sync-reply'; to: string; update: Uint8Array; awareness: Uint8Array };

const TYPES = ['update', 'awareness', 'sync-request', 'sync-reply'] as const;

export function encodeRoomMessage(message: RoomMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, TYPES.indexOf(message.type));
  switch (message.type) {
    case 'update':
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'sync-request':
      encoding.writeVarUint8Array(encoder, message.stateVector);
      encoding.writeUint8(encoder, message.askBack ? 1 : 0);
      break;
    case 'sync-reply':
      encoding.writeVarString(encoder, message.to);
      encoding.writeVarUint8Array(encoder, message.update);
      encoding.writeVarUint8Array(encoder, message.awareness);
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Throws on anything that is not exactly one message. */
export function decodeRoomMessage(bytes: Uint8Array): RoomMessage {
  const decoder = decoding.createDecoder(bytes);
  const type = TYPES[decoding.readVarUint(decoder)];
  let message: RoomMessage;
  switch (type) {
    case 'update':
    case 'awareness':
      message = { type, update: decoding.readVarUint8Array(decoder) };
      break;
    case 'sync-request':
      message = { type, stateVector: decoding.readVarUint8Array(decoder), askBack: decoding.readUint8(decoder) === 1 };
      break;
    case 'sync-reply':
      message = {
        type,
        to: decoding.readVarString(decoder),
        update: decoding.readVarUint8Array(decoder),
        awareness: decoding.readVarUint8Array(decoder),
      };
      break;
    default:
      throw new Error('unknown room message type');
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after room message');
  return message;
}
