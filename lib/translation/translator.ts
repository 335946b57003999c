import { AppError } from '../errors';
import type { TranslationConfig } from '../env';
import type { TextLanguage } from '../shared/text-languages';
import { route, type Pair } from './apertium-modes';
import { ApertiumPipeline } from './apertium-pipeline';
import { setUpPair, type PairSetup } from './apertium-setup';
import { MemoryCache, textHash, type TranslationStore } from './translation-cache';
import { textBatches } from '../shared/text-batches';

/** Whether a direction translates here; when not, a sentence for the user that says why and how to fix it. */
export type TranslationStatus =
  | { readonly available: true }
  /** `cause`: `off` when the setting turned translation off, `missing` when Apertium or a pair is not installed. */
  | { readonly available: false; readonly reason: string; readonly cause: 'off' | 'missing' };

export type TranslatorOptions = {
  readonly config: TranslationConfig;
  /** Translations kept across restarts (the app's Postgres table); without it, memory only. */
  readonly store?: TranslationStore;
  /** Characters of translated text kept in memory; bounds the memory cache (about 2 bytes each). */
  readonly memoryChars?: number;
};

export type Translator = {
  status(from: TextLanguage, to: TextLanguage): Promise<TranslationStatus>;
  /** The texts translated, in order; throws AppError('unavailable') with the reason when the direction is not. */
  translate(texts: readonly string[], from: TextLanguage, to: TextLanguage): Promise<string[]>;
  /** Stops the running pipelines. */
  close(): void;
};

/** About 5,000 words: long enough to keep a pipeline's stages busy, short enough to share it with others. */
const BATCH_CHARS = 30_000;
const DEFAULT_MEMORY_CHARS = 8_000_000;
/** An idle pipeline exits after this long; starting one again costs about half a second. */
const PIPELINE_IDLE_MS = 5 * 60_000;

/** Offline machine translation by Apertium, cached in memory and in the store, Spanish as the hub. */
export function createTranslator({ config, store, memoryChars = DEFAULT_MEMORY_CHARS }: TranslatorOptions): Translator {
  const memory = new MemoryCache(memoryChars);
  const setups = new Map<Pair, Promise<PairSetup>>();
  const pipelines = new Map<Pair, ApertiumPipeline>();
  const slots = new Semaphore(config.TRANSLATION_CONCURRENCY);

  const setup = (pair: Pair): Promise<PairSetup> => {
    if (config.TRANSLATION === 'off') {
      return Promise.resolve({
        ok: false,
        message: 'Machine translation is turned off on this server (TRANSLATION=off).',
      });
    }
    let found = setups.get(pair);
    if (!found) {
      found = setUpPair(pair, config.APERTIUM_MODES_DIR);
      setups.set(pair, found);
    }
    return found;
  };

  async function status(from: TextLanguage, to: TextLanguage): Promise<TranslationStatus> {
    for (const pair of route(from, to)) {
      const found = await setup(pair);
      if (!found.ok)
        return { available: false, reason: found.message, cause: config.TRANSLATION === 'off' ? 'off' : 'missing' };
    }
    return { available: true };
  }

  async function translatePair(pair: Pair, texts: readonly string[]): Promise<string[]> {
    const hashes = texts.map(textHash);
    const found = new Map<string, string>();
    for (const hash of hashes) {
      const text = memory.get(pair, hash);
      if (text !== undefined) found.set(hash, text);
    }
    const unknown = [...new Set(hashes.filter((hash) => !found.has(hash)))];
    if (unknown.length && store) {
      for (const [hash, text] of await store.read(pair, unknown)) {
        found.set(hash, text);
        memory.set(pair, hash, text);
      }
    }
    const missing = new Map<string, string>();
    hashes.forEach((hash, i) => {
      if (!found.has(hash)) missing.set(hash, texts[i]!);
    });
    if (missing.size) {
      const translated = await runApertium(pair, [...missing.values()]);
      const entries = [...missing.keys()].map((hash, i) => ({ hash, text: translated[i]! }));
      for (const { hash, text } of entries) {
        found.set(hash, text);
        memory.set(pair, hash, text);
      }
      await store?.write(pair, entries);
    }
    return hashes.map((hash) => found.get(hash)!);
  }

  async function runApertium(pair: Pair, texts: readonly string[]): Promise<string[]> {
    const found = await setup(pair);
    // For the administrator, naming the package to install: readers are told in their language before
    // this (translate-section-text asks for the status first).
    if (!found.ok) throw new AppError('unavailable', found.message);
    let pipeline = pipelines.get(pair);
    if (!pipeline) {
      pipeline = new ApertiumPipeline({
        script: found.script,
        stallMs: config.TRANSLATION_STALL_MS,
        idleMs: PIPELINE_IDLE_MS,
      });
      pipelines.set(pair, pipeline);
    }
    const out: string[] = [];
    for (const batch of textBatches(texts, { maxChars: BATCH_CHARS }))
      out.push(...(await slots.run(() => pipeline.translate(batch))));
    return out;
  }

  return {
    status,
    async translate(texts, from, to) {
      let current = [...texts];
      for (const pair of route(from, to)) current = await translatePair(pair, current);
      return current;
    },
    close() {
      for (const pipeline of pipelines.values()) pipeline.close();
      pipelines.clear();
    },
  };
}

/** At most `limit` jobs at once, the others in arrival order. */
class Semaphore {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      return await job();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}
