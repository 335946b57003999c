import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  encodeSaveCheckMessage,
  readSavedMessage,
  SAVED_MESSAGE,
  type SaveOutcome,
} from '../../lib/shared/app-messages';
import { COLLAB_PATH, EDITOR_FIELD } from '../../lib/shared/rooms';
import { encodeAwareness } from '../../lib/shared/wire/awareness';
import { encodeSyncStep2Of, encodeUpdate } from '../../lib/shared/wire/sync';

/**
 * A client that ignores the UI and speaks y-protocols by hand, to try what a hostile or buggy client
 * could send: raw sync-step-2 and update messages with whatever content it likes.
 */
export async function openRawClient(baseUrl: string, room: string, cookie: string) {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}/${room}`, { headers: { cookie } });
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return {
    ws,
    received,
    closed,
    /** Sends a paragraph as a y-protocols update message (type 0, sync 2), announcing its client id first as a provider does. */
    sendUpdate(text: string) {
      const doc = paragraphDoc(text);
      ws.send(announce(doc));
      ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc)));
    },
    /** Sends bytes as they are, whatever they are. */
    sendFrame(bytes: Uint8Array) {
      ws.send(bytes);
    },
    /** Sends arbitrary Yjs update bytes as an update message. */
    sendRawUpdate(update: Uint8Array) {
      ws.send(encodeUpdate(update));
    },
    /** Sends a paragraph as sync step 2, the reply a client gives to the server's step 1. */
    sendSyncStep2(text: string) {
      const doc = paragraphDoc(text);
      ws.send(announce(doc));
      ws.send(encodeSyncStep2Of(Y.encodeStateAsUpdate(doc)));
    },
    /**
     * Asks whether everything sent so far is stored. The server handles one socket's messages in order,
     * so once it answers, it has handled (applied or refused) all that this client sent before.
     */
    saveCheck(id: number): Promise<SaveOutcome> {
      return new Promise((resolve) => {
        const answered = (data: Buffer) => {
          const decoder = decoding.createDecoder(new Uint8Array(data));
          if (decoding.readVarUint(decoder) !== SAVED_MESSAGE) return;
          const answer = readSavedMessage(decoder);
          if (answer.id !== id) return;
          ws.off('message', answered);
          resolve(answer.outcome);
        };
        ws.on('message', answered);
        ws.send(encodeSaveCheckMessage(id));
      });
    },
    close: () => ws.close(),
  };
}

function paragraphDoc(text: string): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(EDITOR_FIELD).push([paragraph]);
  return doc;
}

/** The awareness message by which a provider announces its document's client id. */
export function announce(doc: Y.Doc): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(doc);
  const message = encodeAwareness(awareness, [doc.clientID]);
  awareness.destroy();
  return message;
}
