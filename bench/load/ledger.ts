import * as Y from 'yjs';
import { Histogram, type LatencySummary } from '../stats';

/** A client that must receive every edit: a probe (full Y.Doc) or a raw observer. */
export interface Receiver {
  readonly probe: boolean;
  /** A writer of the same room reading another's keystrokes (the plenary): timed apart from the probes. */
  readonly writer?: boolean;
  /** Per Yjs client, the clock up to which this receiver has seen that client's changes. */
  readonly seen: Map<number, number>;
}

/** receivers: how many must receive this editor's edits (its room's, when rooms differ in size). */
type EditorLog = { base: number; receivers: number; sentAt: number[]; reached: number[] };

export type WindowResult = {
  edits: number;
  /** Edits that reached every receiver. */
  delivered: number;
  probe: LatencySummary;
  observer: LatencySummary;
  /** Writers reading each other (empty unless writers are receivers). */
  writer: LatencySummary;
};

/**
 * The edits typed during one measurement window and who has received them. An edit is one
 * keystroke: one new clock of its editor's Yjs client, so (client, clock) identifies it without
 * decoding text, and a receiver learns what arrived from the clock range an update carries.
 */
export class Ledger {
  private readonly editors = new Map<number, EditorLog>();
  private readonly probeLatency = new Histogram();
  private readonly observerLatency = new Histogram();
  private readonly writerLatency = new Histogram();

  constructor(readonly receivers: number) {}

  /** Starts counting an editor's keystrokes from its current clock; `receivers` when its room has its own. */
  track(doc: Y.Doc, receivers = this.receivers): void {
    this.trackClient(doc.clientID, Y.getState(doc.store, doc.clientID), receivers);
  }

  /** The same for an editor of another process: its Yjs client and the clock counting starts from. */
  trackClient(client: number, base: number, receivers = this.receivers): void {
    this.editors.set(client, { base, receivers, sentAt: [], reached: [] });
  }

  /** Each tracked editor's Yjs client and the clock counting started from, for a ledger in another process. */
  bases(): Array<[client: number, base: number]> {
    return [...this.editors].map(([client, log]) => [client, log.base]);
  }

  sent(client: number, clock: number, at: number): void {
    const log = this.editors.get(client);
    if (!log || clock - log.base !== log.sentAt.length) return;
    log.sentAt.push(at);
    log.reached.push(0);
  }

  /** Credits `receiver` with every tracked clock of `client` below `to`. */
  arrive(receiver: Receiver, client: number, to: number, at: number): void {
    const seen = receiver.seen.get(client) ?? 0;
    if (to <= seen) return;
    receiver.seen.set(client, to);
    const log = this.editors.get(client);
    if (!log) return;
    const histogram = receiver.writer ? this.writerLatency : receiver.probe ? this.probeLatency : this.observerLatency;
    const end = Math.min(to - log.base, log.sentAt.length);
    for (let i = Math.max(seen - log.base, 0); i < end; i++) {
      histogram.add(at - log.sentAt[i]!);
      log.reached[i]!++;
    }
  }

  allDelivered(): boolean {
    for (const log of this.editors.values()) if (log.reached.some((n) => n < log.receivers)) return false;
    return true;
  }

  result(): WindowResult {
    let edits = 0;
    let delivered = 0;
    for (const log of this.editors.values()) {
      edits += log.sentAt.length;
      delivered += log.reached.filter((n) => n >= log.receivers).length;
    }
    return {
      edits,
      delivered,
      probe: this.probeLatency.summary(),
      observer: this.observerLatency.summary(),
      writer: this.writerLatency.summary(),
    };
  }

  /** Edits some receiver has not received yet. */
  undelivered(): Array<[client: number, clock: number]> {
    const out: Array<[number, number]> = [];
    for (const [client, log] of this.editors)
      log.reached.forEach((n, i) => n < log.receivers && out.push([client, log.base + i]));
    return out;
  }

  /** Every edit with its send time, for matching against rows that became durable. */
  sends(): Array<[client: number, clock: number, at: number]> {
    const out: Array<[number, number, number]> = [];
    for (const [client, log] of this.editors) log.sentAt.forEach((at, i) => out.push([client, log.base + i, at]));
    return out;
  }
}

/**
 * Clock ranges of an update, parsed once per distinct payload: every observer of a room receives
 * the same bytes, so thousands of observers cost one parse.
 */
export class UpdateMetaCache {
  private readonly cache = new Map<string, Map<number, number>>();

  constructor(private readonly limit = 10_000) {}

  ends(update: Uint8Array): Map<number, number> {
    const key = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1');
    let ends = this.cache.get(key);
    if (!ends) {
      if (this.cache.size >= this.limit) this.cache.clear();
      ends = Y.parseUpdateMeta(update).to;
      this.cache.set(key, ends);
    }
    return ends;
  }
}
