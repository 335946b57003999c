import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { AwarenessUser } from '../../../lib/shared/awareness-user';

/** One client's entry in an awareness update (y-protocols layout: count, then id, clock, JSON state). */
export type AwarenessEntry = { client: number; clock: number; state: unknown };

/**
 * The largest state a writer may announce, as JSON. The editor's (who, and a caret as two relative
 * positions) is about 400 characters; each change of a state goes to every member of the room.
 */
export const MAX_STATE_CHARS = 4096;

/** A state too large to relay: kept out, while its client id still counts as announced. */
export const OVERSIZE = Symbol('oversize state');

/** The entries of an awareness update (a state longer than `maxChars` as OVERSIZE, unparsed); throws on anything else that is not one. */
export function decodeAwarenessEntries(update: Uint8Array, maxChars = MAX_STATE_CHARS): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    entries.push({ client, clock, state: json.length > maxChars ? OVERSIZE : (JSON.parse(json) as unknown) });
  }
  return entries;
}

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
 * A state as the room relays it: `user` is the connection's identity whatever the client wrote there,
 * and a reader (an observer, a coordinator on another state's section) shows who it is and nothing
 * else, so no caret or selection of a read-only connection is drawn in anyone's document. null (the
 * client left) stays null.
 */
export function stampState(state: unknown, user: AwarenessUser, access: 'read' | 'write'): Record<string, unknown> | null {
  if (state === null) return null;
  if (access === 'read' || typeof state !== 'object' || Array.isArray(state)) return { user };
  return { ...(state as Record<string, unknown>), user };
}

/** The user id stamped on a state relayed by another instance, if any. */
export function stampedUserId(state: unknown): string | undefined {
  const user = typeof state === 'object' && state !== null ? (state as { user?: unknown }).user : undefined;
  const userId = typeof user === 'object' && user !== null ? (user as { userId?: unknown }).userId : undefined;
  return typeof userId === 'string' ? userId : undefined;
}
