import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { COLLAB_PATH, EDITOR_FIELD } from '../../lib/shared/rooms';

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
  const sendSync = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    write(encoder);
    ws.send(encoding.toUint8Array(encoder));
  };
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return {
    ws,
    received,
    closed,
    /** Sends a paragraph as a y-protocols update message (type 0, sync 2). */
    sendUpdate(text: string) {
      sendSync((e) => syncProtocol.writeUpdate(e, paragraphUpdate(text)));
    },
    /** Sends arbitrary Yjs update bytes as an update message. */
    sendRawUpdate(update: Uint8Array) {
      sendSync((e) => syncProtocol.writeUpdate(e, update));
    },
    /** Sends a paragraph as sync step 2, the reply a client gives to the server's step 1. */
    sendSyncStep2(text: string) {
      const encoder = paragraphUpdate(text);
      sendSync((e) => {
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(e, encoder);
      });
    },
    close: () => ws.close(),
  };
}

function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(EDITOR_FIELD).push([paragraph]);
  return Y.encodeStateAsUpdate(doc);
}
