import type * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  encodeSaveCheckMessage,
  readSavedMessage,
  SAVED_MESSAGE,
  type SaveOutcome,
} from '../../../lib/shared/app-messages';
import { encodeAwarenessEntries, encodeAwarenessMessage } from '../../../lib/shared/wire/awareness';

/** What this page typed that the server has not confirmed as stored, kept where the page can find it again. */
export type Draft = { clientId: number; update: Uint8Array; savedAt: number };

/** Drafts by key, on this computer. */
export interface DraftStorage {
  save(key: string, draft: Draft): Promise<void>;
  remove(key: string): Promise<void>;
  list(prefix: string): Promise<Array<[string, Draft]>>;
}

/**
 * `saved`: the server has stored everything typed here. `saving`: connected, confirmation on its way.
 * `keeping`: not confirmed, and the latest of it is being written to this computer. `kept`: not
 * confirmed, and all of it is on this computer (the write is done) until it is. `at-risk`: not confirmed and not kept
 * (this browser stores nothing): closing the page would lose it. `refused`: connected, but the server
 * says this user may no longer write here (a section frozen, an appointment ended while they typed
 * offline); it stays kept, and the page shows the words (UnsentWords). `dropped`: connected, but the
 * server refused some of it (the document is full); it stays kept, and the next connection sends it again.
 */
export type SaveState = 'saved' | 'saving' | 'keeping' | 'kept' | 'at-risk' | 'refused' | 'dropped';

/** Asking again after the server said some of it waits, or that it does not take this page's edits now. */
const RETRY_MS = 3_000;

/**
 * Follows what this page types until the server says it is in the database (SAVE_CHECK_MESSAGE), keeping
 * it on this computer meanwhile: a page closed offline, a crash or a flat battery loses nothing, as the
 * next page opening the same document for the same user sends it (`restore`).
 */
export class UnsavedEdits {
  private waiting: Array<{ id: number; update: Uint8Array }> = [];
  private nextId = 1;
  private checking: number | null = null;
  private kept = true;
  /** The newest waiting edit the last finished write to this computer holds (ids only grow). */
  private keptThrough = 0;
  private writes: Promise<void> = Promise.resolve();
  private writeQueued = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(state: SaveState) => void>();
  private readonly key: string;
  private destroyed = false;
  /** The latest answer said this connection may not write, or refused some of what it sent. */
  private refusal: 'read-only' | 'dropped' | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    private readonly storage: DraftStorage | null,
    /** The user and document the drafts belong to: only the same user, on the same document, takes them over. */
    private readonly scope: string,
  ) {
    this.key = `${scope}:${doc.clientID}`;
    this.kept = storage !== null;
    doc.on('update', this.onUpdate);
    provider.on('sync', this.onSync);
    provider.on('status', this.emit);
    provider.messageHandlers[SAVED_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) =>
      this.onSaved(readSavedMessage(decoder));
  }

  get state(): SaveState {
    if (!this.waiting.length) return 'saved';
    if (this.provider.wsconnected && this.provider.synced) {
      if (this.refusal) return this.refusal === 'read-only' ? 'refused' : 'dropped';
      if (this.checking !== null) return 'saving';
    }
    if (!this.kept) return 'at-risk';
    return this.keptThrough >= this.waiting.at(-1)!.id ? 'kept' : 'keeping';
  }

  /**
   * Whether closing the page now would leave the user's words unsent with no warning given: edits that
   * wait offline, or that the server refused where this browser could not keep them.
   */
  leavingLoses(): boolean {
    const state = this.state;
    return (
      state === 'keeping' ||
      state === 'kept' ||
      state === 'at-risk' ||
      ((state === 'refused' || state === 'dropped') && !this.kept)
    );
  }

  /** Resolves once every edit typed so far is written to this computer (or its write failed). */
  async flush(): Promise<void> {
    let writes: Promise<void>;
    do {
      writes = this.writes;
      await writes;
    } while (writes !== this.writes);
  }

  /** What this page typed that the server has not confirmed, as Yjs updates. */
  pendingUpdates(): Uint8Array[] {
    return this.waiting.map((w) => w.update);
  }

  /** Forgets what waits, here and in this browser's storage: the user chose to discard it. */
  async forget(): Promise<void> {
    this.waiting = [];
    this.keep();
    await this.writes;
    this.emit();
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sends what other pages kept for this user and document, announcing their Yjs client ids as this
   * connection's (the server takes new content only under ids a connection announced). Call once the
   * document has arrived and the connection may write. A draft of a page still open is taken over too:
   * this page keeps it until the server confirms it, and the same content arriving twice changes nothing.
   * Resolves to the drafts taken over.
   */
  async restore(): Promise<number> {
    if (!this.storage) return 0;
    const drafts = (await this.storage.list(`${this.scope}:`)).filter(([key]) => key !== this.key);
    let taken = 0;
    for (const [key, draft] of drafts) {
      if (this.destroyed || !this.provider.wsconnected) break;
      this.send(announceClient(draft.clientId));
      // Tracked as this page's own edits (onUpdate), so it is kept under this page's key before the old one goes.
      Y.applyUpdate(this.doc, draft.update, RESTORED);
      await this.writes;
      if (this.kept) await this.storage.remove(key);
      taken++;
    }
    return taken;
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.retry);
    this.doc.off('update', this.onUpdate);
    this.provider.off('sync', this.onSync);
    this.provider.off('status', this.emit);
    // What is still waiting stays stored, for the next page that opens this document.
    this.listeners.clear();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this.provider) return;
    this.waiting.push({ id: this.nextId++, update });
    this.keep();
    this.check();
  };

  private readonly onSync = (synced: boolean) => {
    if (!synced) return;
    // An answer on the previous connection is lost with it: ask again.
    this.checking = null;
    this.check();
  };

  private onSaved({ id, outcome }: { id: number; outcome: SaveOutcome }): void {
    if (id !== this.checking) return;
    this.checking = null;
    this.refusal = outcome === 'read-only' || outcome === 'dropped' ? outcome : null;
    if (outcome === 'stored') {
      this.waiting = this.waiting.filter((w) => w.id > id);
      this.keep();
      this.check();
    } else {
      clearTimeout(this.retry);
      this.retry = setTimeout(() => this.check(), RETRY_MS);
      this.emit();
    }
  }

  /** Asks the server to confirm everything sent so far; one question at a time. */
  private check(): void {
    if (this.destroyed || this.checking !== null || !this.waiting.length) return this.emit();
    if (!this.provider.wsconnected || !this.provider.synced) return this.emit();
    // The provider sends each update from its own 'update' listener, registered first: this follows it.
    this.checking = this.waiting.at(-1)!.id;
    this.send(encodeSaveCheckMessage(this.checking));
    this.emit();
  }

  private send(message: Uint8Array): void {
    // lib0 encodes into an ArrayBuffer, never a shared one.
    this.provider.ws?.send(message as Uint8Array<ArrayBuffer>);
  }

  /**
   * Stores what is waiting (merged, so a long offline stretch stays one entry), or forgets it once confirmed.
   * At most one write waits behind the one in flight, and it takes what waits when it starts: typing fast
   * offline queued one write per keystroke, so the last keystrokes reached storage long after they were typed.
   */
  private keep(): void {
    const storage = this.storage;
    if (!storage) return;
    this.compact();
    if (this.writeQueued) return;
    this.writeQueued = true;
    this.writes = this.writes
      .then(() => {
        this.writeQueued = false;
        const through = this.waiting.at(-1)?.id ?? this.nextId - 1;
        const written = this.waiting.length
          ? storage.save(this.key, {
              clientId: this.doc.clientID,
              update: Y.mergeUpdates(this.waiting.map((w) => w.update)),
              savedAt: Date.now(),
            })
          : storage.remove(this.key);
        return written.then(() => (this.keptThrough = Math.max(this.keptThrough, through)));
      })
      .then(
        () => (this.kept = true),
        (error: unknown) => {
          this.kept = false;
          console.warn('Could not keep unsent edits on this computer', error);
        },
      )
      .then(this.emit);
  }

  /** Merges waiting updates on either side of the question in flight: an answer covers everything up to its id. */
  private compact(): void {
    if (this.waiting.length < 16) return;
    const asked = this.checking ?? 0;
    const groups = [this.waiting.filter((w) => w.id <= asked), this.waiting.filter((w) => w.id > asked)];
    this.waiting = groups
      .filter((g) => g.length)
      .map((g) => ({ id: g.at(-1)!.id, update: Y.mergeUpdates(g.map((w) => w.update)) }));
  }

  private readonly emit = () => {
    const state = this.state;
    for (const listener of this.listeners) listener(state);
  };
}

const RESTORED = Symbol('restored draft');

/** An awareness message claiming a Yjs client id for this connection, with no state to show. */
function announceClient(clientId: number): Uint8Array {
  return encodeAwarenessMessage(encodeAwarenessEntries([{ client: clientId, clock: 1, state: null }]));
}
