import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { TranslationConfig } from '../env';
import { AppError } from '../errors';
import { createTranslator, type TranslationStore, type Translator } from '../translation';
import type { OverlapWorkerData, ThreadError, WorkerReply, WorkerRequest } from './overlap-worker';
import type { CurrentOverlaps } from './plan-index';

type Request = WorkerRequest extends infer R ? (R extends { type: 'stored' } ? never : Omit<R, 'id'>) : never;
type Waiting = { resolve(result: unknown): void; reject(error: Error): void };

/**
 * The overlap analysis and machine translation of this process, on a worker thread: preparing,
 * translating (Apertium's pipelines are the thread's children, their batches its work) and comparing a
 * plan of 35 sections takes seconds of CPU, which on the collaboration event loop every room would wait
 * out. The thread keeps each plan's overlap index and text, so an analysis sends it only the sections
 * that changed; the translations table is read and written here, for the thread, on the thread's request.
 * A thread that fails is started again on the next request, and analyses the plan in full.
 */
export class OverlapThread {
  /** The thread's translator, for "Read in …" and the board's comparisons: the same caches and pipelines. */
  readonly translator: Translator;
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** Each plan's text as the running thread has it; emptied when a thread is started. */
  private readonly sent = new Map<string, Map<string, readonly string[]>>();
  private closed = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: {
      config: TranslationConfig;
      store?: TranslationStore;
      log: Logger;
      /** How long a thread with nothing to do lives on (OVERLAP_THREAD_IDLE_MS by default). */
      idleMs?: number;
    },
  ) {
    // Whether a direction is installed is a file check, answered here: a server starts without the thread.
    const here = createTranslator({ config: options.config });
    this.translator = {
      status: (from, to) => here.status(from, to),
      translate: (texts, from, to) => this.ask({ type: 'translate', texts, from, to }) as Promise<string[]>,
      close: () => void this.close(),
    };
  }

  /** currentOverlaps (plan-index.ts) on the thread: the plan's overlaps, re-analysing the sections that changed. */
  async currentOverlaps(planId: string, sections: ReadonlyMap<string, readonly string[]>): Promise<CurrentOverlaps> {
    const worker = this.start();
    const known = this.sent.get(planId) ?? new Map<string, readonly string[]>();
    const changed = [...sections].filter(([id, paragraphs]) => !sameParagraphs(known.get(id), paragraphs));
    const request = { type: 'overlaps' as const, planId, ids: [...sections.keys()], changed };
    const result = (await this.ask(request, worker)) as CurrentOverlaps;
    // Only once the thread has them, and only if it is still the same thread.
    if (this.worker === worker) this.sent.set(planId, new Map(sections));
    return result;
  }

  /** Stops the thread and its Apertium pipelines; requests still waiting fail. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    if (!worker) return;
    await this.ask({ type: 'close' }, worker).catch(() => {});
    this.worker = null;
    await worker.terminate();
    this.failAll(new Error('the overlap thread was closed'));
  }

  private ask(request: Request, worker = this.start()): Promise<unknown> {
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Held only while a request waits on it: an idle thread must not keep the process alive.
      worker.ref();
      worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  private start(): Worker {
    if (this.closed) throw new AppError('unavailable', 'The overlap thread is closed.');
    if (this.worker) return this.worker;
    const { TRANSLATION, APERTIUM_MODES_DIR, TRANSLATION_CONCURRENCY, TRANSLATION_STALL_MS } = this.options.config;
    const data: OverlapWorkerData = {
      config: { TRANSLATION, APERTIUM_MODES_DIR, TRANSLATION_CONCURRENCY, TRANSLATION_STALL_MS },
    };
    // Compiled (dist/server, as `npm start` runs) the entry is JavaScript beside this chunk; from
    // sources (tests, `npm run dev`) it is TypeScript, loaded through tsx.
    const worker = COMPILED
      ? new Worker(new URL('./overlap-worker.mjs', import.meta.url), { workerData: data })
      : new Worker(BOOT, {
          eval: true,
          workerData: {
            ...data,
            tsx: import.meta.resolve('tsx/esm/api'),
            entry: new URL('./overlap-worker.ts', import.meta.url).href,
          },
        });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => this.receive(worker, reply));
    worker.on('error', (error) => {
      this.options.log.warn({ err: error }, 'overlap thread failed; the next analysis starts another');
      this.abandon(worker, error);
    });
    worker.on('exit', () => this.abandon(worker, new Error('the overlap thread stopped')));
    this.worker = worker;
    this.sent.clear();
    return worker;
  }

  private receive(worker: Worker, reply: WorkerReply): void {
    switch (reply.type) {
      case 'store-read':
      case 'store-write':
        void this.serveStore(worker, reply);
        return;
      case 'done':
      case 'failed': {
        const waiting = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if (reply.type === 'done') waiting?.resolve(reply.result);
        else waiting?.reject(fromThread(reply.error));
        if (this.waiting.size === 0) {
          worker.unref();
          if (this.worker === worker) this.retireWhenIdle(worker);
        }
      }
    }
  }

  /** The translations table, for the thread's translator. */
  private async serveStore(
    worker: Worker,
    request: Extract<WorkerReply, { type: 'store-read' | 'store-write' }>,
  ): Promise<void> {
    const { store } = this.options;
    try {
      if (request.type === 'store-read') {
        const found = store ? await store.read(request.pair, request.hashes) : new Map<string, string>();
        worker.postMessage({ id: request.id, type: 'stored', found: [...found] } satisfies WorkerRequest);
      } else {
        await store?.write(request.pair, request.entries);
        worker.postMessage({ id: request.id, type: 'stored' } satisfies WorkerRequest);
      }
    } catch (error) {
      worker.postMessage({ id: request.id, type: 'stored', error: String(error) } satisfies WorkerRequest);
    }
  }

  /**
   * Stops a thread that had nothing to do for a while: its isolate, language model and caches hold
   * about 160 MiB, which a server whose plans are not being edited need not keep. The next request
   * starts another, which analyses each plan in full once (translations come back from the store).
   */
  private retireWhenIdle(worker: Worker): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.worker !== worker || this.waiting.size > 0) return;
      this.worker = null;
      this.sent.clear();
      this.options.log.info('overlap thread idle: stopped until the next analysis');
      void this.ask({ type: 'close' }, worker)
        .catch(() => {})
        .finally(() => worker.terminate());
    }, this.options.idleMs ?? OVERLAP_THREAD_IDLE_MS);
    this.idleTimer.unref();
  }

  private abandon(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const [id, { reject }] of this.waiting) {
      this.waiting.delete(id);
      reject(error);
    }
  }
}

function sameParagraphs(before: readonly string[] | undefined, now: readonly string[]): boolean {
  return !!before && before.length === now.length && before.every((p, i) => p === now[i]);
}

function fromThread(error: ThreadError): Error {
  return error.code ? new AppError(error.code, error.message) : new Error(error.message);
}

/** How long a thread with no request lives on (see retireWhenIdle). */
export const OVERLAP_THREAD_IDLE_MS = 60_000;

/** Whether this module runs compiled by scripts/build-server.ts rather than from its TypeScript source. */
const COMPILED = import.meta.url.endsWith('.mjs');

/**
 * Loads overlap-worker.ts through tsx's API: Node 20 gives a worker neither the parent's module hooks
 * nor an --import from its execArgv. About 0.8 s once per thread, which lives as long as the server.
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => {
  api.register();
  return import(workerData.entry);
});
`;
