import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { TranslationConfig } from '../env';
import { AppError, type ErrorCode } from '../errors';
import type { TextLanguage } from '../shared/text-languages';
import { createTranslator, type Pair, type TranslationStore } from '../translation';
import { currentOverlaps, type CurrentOverlaps } from './plan-index';

/*
 * The overlap thread's side (started by overlap-thread.ts): the translator with its Apertium pipelines
 * and caches, and each plan's overlap index, so that preparing, translating and comparing paragraphs
 * never take the collaboration event loop. The translations table stays on the main thread, which
 * holds the database: the translator reaches it through messages.
 */

export type OverlapWorkerData = { readonly config: TranslationConfig };

/** A plan's text since the last request: every section's id, and the paragraphs of those that changed. */
export type PlanChanges = {
  readonly planId: string;
  readonly ids: readonly string[];
  readonly changed: readonly (readonly [string, readonly string[]])[];
};

export type WorkerRequest =
  | ({ readonly id: number; readonly type: 'overlaps' } & PlanChanges)
  | {
      readonly id: number;
      readonly type: 'translate';
      readonly texts: readonly string[];
      readonly from: TextLanguage;
      readonly to: TextLanguage;
    }
  | { readonly id: number; readonly type: 'close' }
  | {
      readonly id: number;
      readonly type: 'stored';
      readonly found?: readonly [string, string][];
      readonly error?: string;
    };

/** An error as it crosses the thread: AppError keeps its code. */
export type ThreadError = { readonly message: string; readonly code?: ErrorCode };

export type WorkerReply =
  | { readonly id: number; readonly type: 'done'; readonly result: unknown }
  | { readonly id: number; readonly type: 'failed'; readonly error: ThreadError }
  | { readonly id: number; readonly type: 'store-read'; readonly pair: Pair; readonly hashes: readonly string[] }
  | {
      readonly id: number;
      readonly type: 'store-write';
      readonly pair: Pair;
      readonly entries: readonly { hash: string; text: string }[];
    };

export const toThreadError = (error: unknown): ThreadError =>
  error instanceof AppError ? { message: error.message, code: error.code } : { message: String(error) };

/**
 * This thread's nice value. On Linux it is the thread's own, and Apertium's pipelines, started from
 * here, inherit it: on a server whose cores the analysis would fill, the collaboration event loop (and
 * the database) come first, and the analysis takes what they leave (the typing-analysis bench).
 */
const THREAD_NICE = 10;

try {
  setPriority(THREAD_NICE);
} catch {
  // A platform that refuses it runs the analysis at the server's priority.
}

const port = parentPort!;
const { config } = workerData as OverlapWorkerData;

let nextStoreId = 1;
const storeWaiting = new Map<number, { resolve(found: Map<string, string>): void; reject(error: Error): void }>();

function askStore(reply: WorkerReply): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    storeWaiting.set(reply.id, { resolve, reject });
    port.postMessage(reply);
  });
}

const store: TranslationStore = {
  read: (pair, hashes) => askStore({ id: nextStoreId++, type: 'store-read', pair, hashes }),
  write: async (pair, entries) => {
    await askStore({ id: nextStoreId++, type: 'store-write', pair, entries });
  },
};

const translator = createTranslator({ config, store });

/** Each plan's text as this thread last saw it: the main thread sends only the sections that changed. */
const plans = new Map<string, Map<string, readonly string[]>>();

function overlaps({ planId, ids, changed }: PlanChanges): Promise<CurrentOverlaps> {
  const known = plans.get(planId) ?? new Map<string, readonly string[]>();
  plans.set(planId, known);
  for (const [id, paragraphs] of changed) known.set(id, paragraphs);
  const present = new Set(ids);
  for (const id of known.keys()) if (!present.has(id)) known.delete(id);
  return currentOverlaps(planId, known, translator);
}

async function answer(request: Exclude<WorkerRequest, { type: 'stored' }>): Promise<unknown> {
  switch (request.type) {
    case 'overlaps':
      return overlaps(request);
    case 'translate':
      return translator.translate(request.texts, request.from, request.to);
    case 'close':
      // Apertium's pipelines are child processes of the whole process: they do not end with the thread.
      translator.close();
      return null;
  }
}

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'stored') {
    const waiting = storeWaiting.get(request.id);
    storeWaiting.delete(request.id);
    if (request.error !== undefined) waiting?.reject(new Error(request.error));
    else waiting?.resolve(new Map(request.found ?? []));
    return;
  }
  answer(request).then(
    (result) => port.postMessage({ id: request.id, type: 'done', result } satisfies WorkerReply),
    (error: unknown) =>
      port.postMessage({ id: request.id, type: 'failed', error: toThreadError(error) } satisfies WorkerReply),
  );
});
