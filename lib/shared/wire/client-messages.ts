import * as decoding from 'lib0/decoding';
import { SAVE_CHECK_MESSAGE } from '../app-messages';
import { isEmptyStateVector, MessageType, readSyncMessage, type SyncMessage } from './sync';

/** One decoded client frame; throws on anything that is not y-websocket protocol. */
export type ClientMessage =
  | SyncMessage
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'save-check'; id: number };

export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  let message: ClientMessage;
  switch (type) {
    case MessageType.Sync: {
      const sync = readSyncMessage(decoder);
      if (!sync) throw new Error('unknown sync step');
      message = sync;
      break;
    }
    case MessageType.Awareness:
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      break;
    case MessageType.QueryAwareness:
      message = { type: 'query-awareness' };
      break;
    case SAVE_CHECK_MESSAGE:
      message = { type: 'save-check', id: decoding.readVarUint(decoder) };
      break;
    default:
      throw new Error(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after message');
  return message;
}

/** Whether a client frame is a fresh client's sync request (it has nothing yet); false for anything unreadable. */
export function isFreshSyncRequest(data: Uint8Array): boolean {
  try {
    const message = decodeClientMessage(data);
    return message.type === 'sync-step-1' && isEmptyStateVector(message.stateVector);
  } catch {
    return false;
  }
}
