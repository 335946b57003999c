import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from './sync';

/** One client's entry in an awareness update (y-protocols layout: count, then id, clock, JSON state). */
export type AwarenessEntry = { client: number; clock: number; state: unknown };

/** A state longer than the decoder was told to parse: left unparsed, while its client id still counts as announced. */
export const OVERSIZE = Symbol('oversize state');

/** An awareness message carrying an encoded awareness update. */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness message with the states `awareness` holds for `clients`. */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

/**
 * An awareness update from entries as they are, with their own clocks. y-protocols encodes only what an
 * Awareness instance holds; a server relaying stamped states, or a client claiming an id it keeps no state
 * for, writes the same layout from plain entries.
 */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { client, clock, state } of entries) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * The entries of an awareness update, a state longer than `maxStateChars` (as JSON) as OVERSIZE, unparsed;
 * throws on anything else that is not one.
 */
export function decodeAwarenessEntries(update: Uint8Array, maxStateChars = Infinity): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    entries.push({ client, clock, state: json.length > maxStateChars ? OVERSIZE : (JSON.parse(json) as unknown) });
  }
  return entries;
}
