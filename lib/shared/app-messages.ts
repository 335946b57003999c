import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Application message (outside y-websocket's 0–3) by which the server tells an editor what its
 * connection may do, at connect and whenever an appointment, a section, a freeze or the phase changes.
 */
export const ACCESS_MESSAGE = 100;

export type ConnectionAccess = 'read' | 'write';

export function encodeAccessMessage(access: ConnectionAccess): Uint8Array {
  return encodeTextMessage(ACCESS_MESSAGE, access);
}

/** Reads the payload after the message type; anything unexpected counts as read-only. */
export function readAccessMessage(decoder: decoding.Decoder): ConnectionAccess {
  return decoding.readVarString(decoder) === 'write' ? 'write' : 'read';
}

/**
 * Application message carrying a notice for the editor, as a code the page puts in its reader's language
 * (`Notices.<code>`): the server does not know the language of each page it writes to.
 */
export const NOTICE_MESSAGE = 101;

/**
 * The notices there are: the document has reached its size limit and refused what was typed; what was
 * typed was inside an agreed paragraph, which is locked until the chair reopens it.
 */
export type NoticeCode = 'documentFull' | 'paragraphAgreed';

export function encodeNoticeMessage(code: NoticeCode): Uint8Array {
  return encodeTextMessage(NOTICE_MESSAGE, code);
}

/** The notice's code; null for one this page does not know (a newer server), which it leaves unsaid. */
export function readNoticeMessage(decoder: decoding.Decoder): NoticeCode | null {
  const code = decoding.readVarString(decoder);
  return code === 'documentFull' || code === 'paragraphAgreed' ? code : null;
}

/**
 * Application message carrying a section's overlaps (JSON, as GET /api/sections/:id/overlaps lists
 * them), sent to the section's connections whenever they change, so that no page polls for them.
 */
export const OVERLAPS_MESSAGE = 102;

export function encodeOverlapsMessage(json: string): Uint8Array {
  return encodeTextMessage(OVERLAPS_MESSAGE, json);
}

export function readOverlapsMessage(decoder: decoding.Decoder): unknown {
  return JSON.parse(decoding.readVarString(decoder));
}

/**
 * Application message carrying a plan's activity (JSON, lib/plans/plan-activity.ts), sent to the
 * connections in the plan's goal room, which every open plan page has, whenever it changes.
 */
export const PLAN_ACTIVITY_MESSAGE = 103;

export function encodePlanActivityMessage(json: string): Uint8Array {
  return encodeTextMessage(PLAN_ACTIVITY_MESSAGE, json);
}

export function readPlanActivityMessage(decoder: decoding.Decoder): unknown {
  return JSON.parse(decoding.readVarString(decoder));
}

/**
 * Application message carrying one new message of a section's discussion (JSON, as
 * GET /api/sections/:id/comments lists them), sent to the section's connections as it is posted.
 */
export const COMMENT_MESSAGE = 104;

export function encodeCommentMessage(json: string): Uint8Array {
  return encodeTextMessage(COMMENT_MESSAGE, json);
}

export function readCommentMessage(decoder: decoding.Decoder): unknown {
  return JSON.parse(decoding.readVarString(decoder));
}

/**
 * Application message from an editor: "tell me once what I sent so far is stored", with a number of its
 * choosing. Messages on a socket are handled in order, so the answer covers every update sent before it.
 */
export const SAVE_CHECK_MESSAGE = 105;

/** The answer to SAVE_CHECK_MESSAGE: its number, then what became of what the connection sent. */
export const SAVED_MESSAGE = 106;

/**
 * Application message carrying a section's amendments and numbered paragraphs with their statuses (JSON
 * `{ amendments, paragraphs }`, as GET /api/sections/:id/amendments and /paragraph-status list them), sent to the
 * section's connections whenever an amendment is proposed, supported or decided or a status is set.
 */
export const AMENDMENTS_MESSAGE = 107;

export function encodeAmendmentsMessage(json: string): Uint8Array {
  return encodeTextMessage(AMENDMENTS_MESSAGE, json);
}

export function readAmendmentsMessage(decoder: decoding.Decoder): unknown {
  return JSON.parse(decoding.readVarString(decoder));
}

/**
 * `stored`: in the database. `held`: some of it waits for its author's client to be announced (it was
 * typed under a client id the server has not seen from this user). `read-only`: this connection's
 * updates are not accepted, so nothing it sent is kept. `dropped`: the server refused some of what this
 * connection sent (the document is full; a notice says so), so not all of it is kept.
 */
export type SaveOutcome = 'stored' | 'held' | 'read-only' | 'dropped';

export function encodeSaveCheckMessage(id: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SAVE_CHECK_MESSAGE);
  encoding.writeVarUint(encoder, id);
  return encoding.toUint8Array(encoder);
}

export function encodeSavedMessage(id: number, outcome: SaveOutcome): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SAVED_MESSAGE);
  encoding.writeVarUint(encoder, id);
  encoding.writeVarString(encoder, outcome);
  return encoding.toUint8Array(encoder);
}

export function readSavedMessage(decoder: decoding.Decoder): { id: number; outcome: SaveOutcome } {
  const id = decoding.readVarUint(decoder);
  const outcome = decoding.readVarString(decoder);
  return { id, outcome: outcome === 'stored' || outcome === 'held' || outcome === 'dropped' ? outcome : 'read-only' };
}

/**
 * Application message carrying the user's unread notifications count (JSON `{ unread }`), sent to every
 * connection of theirs whenever their notifications change, so the bell needs no polling.
 */
export const NOTIFICATIONS_MESSAGE = 108;

export function encodeNotificationsMessage(unread: number): Uint8Array {
  return encodeTextMessage(NOTIFICATIONS_MESSAGE, JSON.stringify({ unread }));
}

export function readNotificationsMessage(decoder: decoding.Decoder): { unread: number } {
  const { unread } = JSON.parse(decoding.readVarString(decoder)) as { unread: unknown };
  return { unread: typeof unread === 'number' ? unread : 0 };
}

/**
 * Application message saying whether the plan's observers' channel is open (JSON `{ open }`), sent to the
 * connections in the plan's sections whenever the plan changes, so a page shows or closes the channel's
 * form without being reloaded.
 */
export const OBSERVER_CHANNEL_MESSAGE = 109;

export function encodeObserverChannelMessage(open: boolean): Uint8Array {
  return encodeTextMessage(OBSERVER_CHANNEL_MESSAGE, JSON.stringify({ open }));
}

export function readObserverChannelMessage(decoder: decoding.Decoder): { open: boolean } {
  const { open } = JSON.parse(decoding.readVarString(decoder)) as { open: unknown };
  return { open: open === true };
}

function encodeTextMessage(type: number, text: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarString(encoder, text);
  return encoding.toUint8Array(encoder);
}
