import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import type { Ledger, Receiver } from './ledger';
import { providerSocket, type ByteCounter } from './sockets';
import type { Target } from './wire';

const FIRST_APPLICATION_MESSAGE = 4;
const LAST_APPLICATION_MESSAGE = 127;

/** A stock y-websocket client; short backoff so a dropped socket comes back within the window. */
export function openProvider(
  target: Target,
  doc: Y.Doc,
  cookie: string | undefined,
  counter?: ByteCounter,
): WebsocketProvider {
  const provider = new WebsocketProvider(target.providerUrl, target.room, doc, {
    WebSocketPolyfill: providerSocket(target, cookie, counter),
    disableBc: true,
    maxBackoffTime: 500,
  });
  // Concordia sends application messages past y-websocket's types 0–3 (what the editor may do);
  // the bench ignores them rather than have the stock provider log each one as an error.
  for (let type = FIRST_APPLICATION_MESSAGE; type <= LAST_APPLICATION_MESSAGE; type++)
    provider.messageHandlers[type] ??= () => {};
  return provider;
}

export function whenSynced(provider: WebsocketProvider, timeoutMs: number): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.off('sync', onSync);
      reject(new Error(`provider did not sync within ${timeoutMs} ms`));
    }, timeoutMs);
    const onSync = (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

const KEYS = 'the quick brown fox jumps over the lazy dog ';

/**
 * An editor typing into its own paragraph, as a Tiptap user would: one character per keystroke. With
 * `reads`, it is also a receiver timing the other writers' keystrokes as they reach it (the plenary).
 */
export class Editor implements Receiver {
  readonly probe = false;
  readonly writer = true;
  readonly seen = new Map<number, number>();
  readonly doc = new Y.Doc({ gc: false });
  readonly provider: WebsocketProvider;
  ledger: Ledger | undefined;
  private text: Y.XmlText | undefined;
  private typed = 0;

  constructor(target: Target, cookie: string | undefined, name: string, reads = false) {
    this.provider = openProvider(target, this.doc, cookie);
    this.provider.awareness.setLocalStateField('user', { name, color: '#3366cc' });
    if (!reads) return;
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.local) return;
      const at = performance.now();
      for (const [client, clock] of transaction.afterState)
        if (client !== this.doc.clientID) this.ledger?.arrive(this, client, clock, at);
    });
  }

  startParagraph(): void {
    const paragraph = new Y.XmlElement('paragraph');
    this.text = new Y.XmlText();
    paragraph.insert(0, [this.text]);
    this.doc.getXmlFragment(EDITOR_FIELD).push([paragraph]);
  }

  /** One keystroke, timed from just before the insert so encoding and sending count as latency. */
  type(ledger: Ledger | undefined): void {
    if (!this.text) throw new Error('startParagraph first');
    const at = performance.now();
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    this.text.insert(this.text.length, KEYS[this.typed++ % KEYS.length]!);
    ledger?.sent(this.doc.clientID, clock, at);
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** A full client (Y.Doc + provider) that times each edit's arrival from its transactions. */
export class Probe implements Receiver {
  readonly probe = true;
  readonly seen = new Map<number, number>();
  readonly doc = new Y.Doc({ gc: false });
  readonly provider: WebsocketProvider;
  ledger: Ledger | undefined;

  constructor(target: Target, cookie: string | undefined) {
    this.provider = openProvider(target, this.doc, cookie);
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      const at = performance.now();
      for (const [client, clock] of transaction.afterState) this.ledger?.arrive(this, client, clock, at);
    });
  }

  /** A new socket, so the server sends to this probe after every observer already connected. */
  async reconnect(timeoutMs: number): Promise<void> {
    this.provider.disconnect();
    this.provider.connect();
    await whenSynced(this.provider, timeoutMs);
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
