import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessEntries, encodeAwarenessMessage } from '../../lib/shared/wire/awareness';
import {
  EMPTY_STATE_VECTOR,
  encodeSyncStep1Of,
  MessageType,
  readSyncMessage,
  type SyncMessage,
} from '../../lib/shared/wire/sync';

/** The product, its two peers, and a bare relay that measures the floor of this machine (bench/servers/relay.ts). */
export type ServerKind = 'concordia' | 'y-websocket' | 'hocuspocus' | 'relay';

/** Where and how the load process reaches one running server. */
export type Target = {
  kind: ServerKind;
  /** Base URL that WebsocketProvider appends `/<room>` to. */
  providerUrl: string;
  room: string;
  /** Query of the connection's URL, as a page adds one (the plan page's `follow=plan`). */
  query?: string;
  /** Base URL for probes and observers when they follow another instance than the editors type on. */
  observerUrl?: string;
  /** Session cookies (Concordia only): writers edit the room, the observer cookie may only read it. */
  writerCookies: string[];
  observerCookie: string | undefined;
  /** The observer crowd's cookies, one account each, taken in turn (Concordia only; probes keep observerCookie). */
  crowdCookies?: string[];
};

/** Hocuspocus's message type for a sync reply, after y-websocket's (MessageType). */
const HOCUSPOCUS_SYNC_REPLY = 4;

/** What a raw observer needs from a server frame: the Yjs update it carries, if any. */
export type ServerFrame = Extract<SyncMessage, { type: 'update' }> | null;

/**
 * Hocuspocus speaks the y-websocket messages prefixed with the document name, and wants an
 * authentication message (here an empty token: the bare server has no onAuthenticate hook)
 * before it attaches the socket to the document. Concordia and y-websocket speak the plain protocol.
 */
export function wrapClientFrame(kind: ServerKind, room: string, frame: Uint8Array): Uint8Array {
  if (kind !== 'hocuspocus') return frame;
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeUint8Array(encoder, frame);
  return encoding.toUint8Array(encoder);
}

/** Frames a client sends first, before its own sync step 1. */
export function openingFrames(kind: ServerKind, room: string): Uint8Array[] {
  if (kind !== 'hocuspocus') return [];
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeVarUint(encoder, MessageType.Auth);
  encoding.writeVarUint(encoder, 0); // token message
  encoding.writeVarString(encoder, '');
  return [encoding.toUint8Array(encoder)];
}

/** Sync step 1 with an empty state vector: "send me everything". */
export function emptySyncStep1(kind: ServerKind, room: string): Uint8Array {
  return wrapClientFrame(kind, room, encodeSyncStep1Of(EMPTY_STATE_VECTOR));
}

/**
 * An awareness update naming no client: changes nothing and is relayed nowhere, but counts as
 * traffic for servers that drop silent sockets (Hocuspocus after 60 s), as a provider's
 * 15-second awareness renewal would.
 */
export function keepAliveFrame(kind: ServerKind, room: string): Uint8Array {
  return wrapClientFrame(kind, room, encodeAwarenessMessage(encodeAwarenessEntries([])));
}

/**
 * An awareness update announcing one observer, as a browser's editor does when it opens and renews
 * every 15 s (y-protocols): its name and role, which every member of the room is sent.
 */
export function presenceFrame(kind: ServerKind, room: string, clientId: number, clock: number): Uint8Array {
  const state = { user: { name: `Observer ${clientId}`, state: null, color: '#888888', role: 'observer' } };
  return wrapClientFrame(
    kind,
    room,
    encodeAwarenessMessage(encodeAwarenessEntries([{ client: clientId, clock, state }])),
  );
}

export function decodeServerFrame(kind: ServerKind, frame: Uint8Array): ServerFrame {
  const decoder = decoding.createDecoder(frame);
  if (kind === 'hocuspocus') decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MessageType.Sync && !(kind === 'hocuspocus' && type === HOCUSPOCUS_SYNC_REPLY)) return null;
  const message = readSyncMessage(decoder);
  return message?.type === 'update' ? message : null;
}

/**
 * Turns a Hocuspocus frame into the y-websocket frame the stock provider understands, or null for
 * Hocuspocus-only messages (authentication answers, save acknowledgements, close notices).
 */
export function unwrapHocuspocusFrame(frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (
    type !== MessageType.Sync &&
    type !== MessageType.Awareness &&
    type !== HOCUSPOCUS_SYNC_REPLY &&
    type !== MessageType.QueryAwareness
  )
    return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type === HOCUSPOCUS_SYNC_REPLY ? MessageType.Sync : type);
  encoding.writeUint8Array(encoder, frame.subarray(decoder.pos));
  return encoding.toUint8Array(encoder);
}
