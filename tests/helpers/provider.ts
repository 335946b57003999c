import type * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  ACCESS_MESSAGE,
  AMENDMENTS_MESSAGE,
  encodeSaveCheckMessage,
  OVERLAPS_MESSAGE,
  PLAN_ACTIVITY_MESSAGE,
  readSavedMessage,
  SAVED_MESSAGE,
  type SaveOutcome,
} from '../../lib/shared/app-messages';
import { COLLAB_PATH } from '../../lib/shared/rooms';

/** The stock y-websocket client, authenticated with a session cookie as a browser would be. */
/**
 * `params`: the socket URL's query, as a page's editor sets it (FOLLOW_PLAN_PARAMS). `connect: false`
 * leaves the socket closed until `provider.connect()`, for a test that needs the document's client id first.
 */
export function openProvider(
  baseUrl: string,
  room: string,
  cookie: string,
  params: Record<string, string> = {},
  { connect = true } = {},
) {
  const doc = new Y.Doc({ gc: false });
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}`, room, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
    params,
    connect,
  });
  // Our application messages (the connection's access, a section's overlaps, a plan's activity); stock clients would log
  // them as unknown. A test that reads them sets its own handler.
  provider.messageHandlers[ACCESS_MESSAGE] = () => {};
  provider.messageHandlers[AMENDMENTS_MESSAGE] = () => {};
  provider.messageHandlers[OVERLAPS_MESSAGE] = () => {};
  provider.messageHandlers[PLAN_ACTIVITY_MESSAGE] = () => {};
  return { provider, doc };
}

export function waitForSync(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('provider did not sync')), timeoutMs);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Asks the server, as the editor's save badge does, whether everything this provider sent is stored. */
export function saveCheck(provider: WebsocketProvider, id: number): Promise<SaveOutcome> {
  return new Promise((resolve) => {
    provider.messageHandlers[SAVED_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      const answer = readSavedMessage(decoder);
      if (answer.id === id) resolve(answer.outcome);
    };
    provider.ws!.send(encodeSaveCheckMessage(id) as Uint8Array<ArrayBuffer>);
  });
}

/** The HTTP status with which the server answers an upgrade (101 when accepted). */
export function upgradeStatus(baseUrl: string, room: string, cookie?: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}/${room}`, {
      headers: { ...(cookie && { cookie }), ...(origin && { origin }) },
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', reject);
  });
}
