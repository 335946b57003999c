import { createHash } from 'node:crypto';
import type { Pair } from './apertium-modes';

/** A paragraph's identity in the caches: SHA-256 of its text, base64url (43 characters). */
export const textHash = (text: string): string => createHash('sha256').update(text).digest('base64url');

/**
 * Where translations outlive the process (a Postgres table in the app), so that a restarted server
 * does not translate again what it already has. Both calls take one direct pair at a time.
 */
export type TranslationStore = {
  read(pair: Pair, hashes: readonly string[]): Promise<Map<string, string>>;
  write(pair: Pair, entries: readonly { hash: string; text: string }[]): Promise<void>;
};

/**
 * The translations a process used last, by pair and hash. Bounded by characters kept: a plan of 35
 * sections × 5,000 words in four languages takes about 2 MB of pivot text.
 */
export class MemoryCache {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(pair: Pair, hash: string): string | undefined {
    const key = `${pair}:${hash}`;
    const text = this.entries.get(key);
    if (text === undefined) return undefined;
    // Most recently used last: the Map keeps insertion order, so the oldest comes first to evict.
    this.entries.delete(key);
    this.entries.set(key, text);
    return text;
  }

  set(pair: Pair, hash: string, text: string): void {
    const key = `${pair}:${hash}`;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.chars -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, text);
    this.chars += text.length;
    for (const [oldest, value] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= value.length;
    }
  }
}
