import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * y-websocket message types (first varUint of every frame). Concordia's own messages follow from 100
 * (lib/shared/app-messages.ts).
 */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

/** A state vector naming no client: what a fresh client that has nothing yet sends. */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);

/** Whether a state vector names no client: a fresh client that has nothing yet. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/** An update that carries no structs and no deletions: what a client with nothing new sends. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2 && update.every((b) => b === 0);
}

/** Sync step 1: what `doc` holds, for the other side to answer with what it lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, doc));
}

/** Sync step 1 from a state vector, with no document at hand (EMPTY_STATE_VECTOR: "send me everything"). */
export function encodeSyncStep1Of(stateVector: Uint8Array): Uint8Array {
  return syncMessage((encoder) => {
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(encoder, stateVector);
  });
}

/** Sync step 2: what of `doc` a side holding `stateVector` lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, doc, stateVector));
}

/** Sync step 2 carrying an update as it is (a room's stored state, a client's own content). */
export function encodeSyncStep2Of(update: Uint8Array): Uint8Array {
  return syncMessage((encoder) => {
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/** An update message: a change made just now. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update));
}

/** A sync message: a request (step 1), or content (a step 2 reply or an update made just now). */
export type SyncMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; step: 'sync-step-2' | 'update' };

/** Reads a sync message after its type; null when its step is none of the three. */
export function readSyncMessage(decoder: decoding.Decoder): SyncMessage | null {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (step === syncProtocol.messageYjsSyncStep1) return { type: 'sync-step-1', stateVector: payload };
  if (step === syncProtocol.messageYjsSyncStep2) return { type: 'update', update: payload, step: 'sync-step-2' };
  if (step === syncProtocol.messageYjsUpdate) return { type: 'update', update: payload, step: 'update' };
  return null;
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
