import type { LatencySummary } from '../stats';
import type { Target } from './wire';

/**
 * Editors type, probes and observers receive, during one or more windows (one per observer count).
 * Typing, many writers, capacity and the persistence runs are all this job with other sizes.
 */
export type FanoutJob = {
  type: 'fanout';
  target: Target;
  editors: number;
  keysPerSecond: number;
  probes: number;
  /** Observer counts, one measurement window each; observers are added, never replaced. */
  observerSteps: number[];
  warmupMs: number;
  measureMs: number;
  /** Longest wait after typing stops for the last edits to arrive. */
  drainMs: number;
  connectTimeoutMs: number;
  /** Stop adding observers after a window whose probe p99 exceeds this or that lost an edit. */
  stopAboveP99Ms?: number;
  /** Return every edit's send time (epoch ms), to match against durable rows. */
  reportSends?: boolean;
  /** Observers keep an awareness state, renewed every 15 s, as browsers do (see RawObserver). */
  observerPresence?: boolean;
  /**
   * Many rooms at once (the plenary): in each, one editor per writer cookie types and reads the others'
   * keystrokes, `probes` probes follow, and the observers are spread evenly over the rooms. `editors`
   * and target.room are then unused.
   */
  sections?: SectionLoad[];
  /** Each observer also keeps the plan page open: this goal room, followed as the plan page follows it. */
  planPageRoom?: string;
};

export type SectionLoad = { room: string; writerCookies: string[] };

/** A fresh client loads a large document: optional upload first (servers that keep it in memory). */
export type ColdJob = {
  type: 'cold';
  target: Target;
  /** The document (a Yjs update in a file). */
  updateFile: string;
  /** Send it through a provider before measuring: the server keeps documents in memory only. */
  upload: boolean;
  /**
   * Another room holding the same document, which a client syncs with before measuring when there is
   * no upload: so that the first measured client is neither the server's first connection nor the load
   * process's first of that size (an uploader and its check are both for the others). Without it,
   * Concordia's first client decoded in 10 ms in one round and 58 in the next.
   */
  warmupTarget?: Target;
  expectedText: string;
  clients: number;
  timeoutMs: number;
};

/**
 * Many rooms loaded once each: a fresh read-only client per room checks the text and stays connected
 * until the 'loaded' mark (the orchestrator samples the server then); every client closes after it.
 */
export type IdleJob = {
  type: 'idle';
  /** Where to connect; each document names its own room. */
  target: Target;
  documents: Array<{ room: string; updateFile: string; expectedText: string }>;
  /** Send each document through a provider first, kept open until the mark: the server keeps documents in memory only. */
  upload: boolean;
  timeoutMs: number;
};

export type LoadJob = FanoutJob | ColdJob | IdleJob;

export type FanoutWindow = {
  observers: number;
  connectMs: number;
  connectFailures: number;
  observersClosed: number;
  edits: number;
  editsPerSecond: number;
  deliveredPercent: number;
  probe: LatencySummary;
  observer: LatencySummary;
  /** Writers reading another writer of their room (with sections; empty otherwise). */
  writer: LatencySummary;
  /** With planPageRoom: plan pages open, those sent the plan's activity during the window, and the messages. */
  planPages?: { open: number; reached: number; messages: number; bytes: number };
  /** The load process's own CPU over the window, % of one core. */
  loadCpuPercent: number;
  sends?: Array<[client: number, clock: number, epochMs: number]>;
};

/** ms: connect → synced; receivedMs: connect → the message that synced it arrived, before decoding it. */
export type ColdSync = { ms: number; receivedMs: number; bytes: number; textMatches: boolean };
export type ColdResult = { uploadMs?: number; syncs: ColdSync[] };

export type LoadResult = { type: 'fanout'; windows: FanoutWindow[] } | { type: 'cold' | 'idle'; result: ColdResult };

/** Marks are barriers: the load process waits for the orchestrator's ack (it samples the server then). */
export type LoadMessage =
  | { type: 'mark'; mark: 'window-start' | 'window-end' | 'loaded'; step: number }
  | { type: 'result'; result: LoadResult }
  | { type: 'error'; message: string };

export type OrchestratorMessage = { type: 'job'; job: LoadJob } | { type: 'ack' };
