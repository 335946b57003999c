import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { mergeStored } from './merge-updates';

type MergeJob = { id: number; bytes: Uint8Array; lengths: Uint32Array };
type MergeReply = { id: number; merged: Uint8Array } | { id: number; error: string };

type Waiting = { parts: readonly Uint8Array[]; resolve(merged: Uint8Array): void; reject(error: Error): void };

/** An idle worker is stopped after this long: it holds a V8 heap of its own. */
const IDLE_STOP_MS = 5_000;
/**
 * Below this many bytes a merge takes a few milliseconds here, less than a cold worker needs to start
 * and compile Yjs (40 ms, then first merges three times slower): a small section's log is merged here.
 */
const OFF_LOOP_BYTES = 64 * 1024;

/**
 * mergeStored on a worker thread. Merging decodes the whole document: tens of milliseconds for a long
 * section with its log (the trace: 37 ms for 10,000 rows), and compaction runs while people type, so on
 * the event loop every room of the instance would wait that long.
 */
export class MergeThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly log: Logger) {}

  merge(parts: readonly Uint8Array[]): Promise<Uint8Array> {
    const size = parts.reduce((sum, part) => sum + part.byteLength, 0);
    if (parts.length <= 1 || size < OFF_LOOP_BYTES) return Promise.resolve().then(() => mergeStored(parts));
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    const lengths = new Uint32Array(parts.length);
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const [i, part] of parts.entries()) {
      bytes.set(part, at);
      lengths[i] = part.byteLength;
      at += part.byteLength;
    }
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { parts, resolve, reject });
      const job: MergeJob = { id, bytes, lengths };
      const worker = this.start();
      // Held only while a merge waits on it: an idle worker must not keep the process alive.
      worker.ref();
      worker.postMessage(job, [bytes.buffer, lengths.buffer]);
    });
  }

  /** Stops the worker now; merges still waiting finish on this thread. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.mergeHere();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerSource(import.meta.resolve('yjs')), { eval: true });
    worker.on('message', (reply: MergeReply) => this.settle(reply));
    // A worker that failed (it could not start, or ran out of memory) leaves its merges to this thread:
    // nothing stored may be lost to it.
    worker.on('error', (error) => {
      this.log.warn({ err: error }, 'merge worker failed; merging on the event loop');
      this.abandon(worker);
    });
    worker.on('exit', () => this.abandon(worker));
    this.worker = worker;
    return worker;
  }

  private settle(reply: MergeReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if ('merged' in reply) waiting.resolve(reply.merged);
    else waiting.reject(new Error(reply.error));
    if (this.waiting.size === 0) {
      this.worker?.unref();
      this.idleTimer = setTimeout(() => void this.close(), IDLE_STOP_MS);
      this.idleTimer.unref();
    }
  }

  private abandon(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.mergeHere();
  }

  private mergeHere(): void {
    for (const [id, { parts, resolve, reject }] of this.waiting) {
      this.waiting.delete(id);
      try {
        resolve(mergeStored(parts));
      } catch (error) {
        reject(error as Error);
      }
    }
  }
}

/**
 * The worker: mergeStored (merge-updates.ts) as plain JavaScript. Node 20 gives a worker neither the parent's
 * module hooks nor an --import from its execArgv, and loading TypeScript through tsx's API took 300 ms
 * per start; tests check that both give the same bytes. Yjs is imported by the URL the parent resolved.
 */
function workerSource(yjsUrl: string): string {
  return `
const { parentPort } = require('node:worker_threads');
import(${JSON.stringify(yjsUrl)}).then((Y) => {
  parentPort.on('message', ({ id, bytes, lengths }) => {
    try {
      const doc = new Y.Doc({ gc: false });
      let at = 0;
      doc.transact(() => {
        for (const length of lengths) {
          Y.applyUpdate(doc, bytes.subarray(at, at + length));
          at += length;
        }
      });
      const merged = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      parentPort.postMessage({ id, merged }, [merged.buffer]);
    } catch (error) {
      parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
`;
}
