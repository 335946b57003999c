import { createStore, del, getMany, keys, set, type UseStore } from 'idb-keyval';
import type { Draft, DraftStorage } from './unsaved-edits';

let store: UseStore | null | undefined;
/** Writes under way, so leaving (signing out) can wait for the latest keystrokes to be on this computer. */
const writing = new Set<Promise<unknown>>();

function tracked<T>(write: Promise<T>): Promise<T> {
  writing.add(write);
  void write.finally(() => writing.delete(write)).catch(() => undefined);
  return write;
}

/** Resolves once every write to this browser's drafts that has started is done (or failed). */
export async function draftWritesDone(): Promise<void> {
  await Promise.allSettled([...writing]);
}

/** This browser's IndexedDB, or null where it has none (some private modes): edits are then not kept. */
export function browserDrafts(): DraftStorage | null {
  if (store === undefined) store = typeof indexedDB === 'undefined' ? null : createStore('concordia', 'unsent-edits');
  const db = store;
  if (!db) return null;
  return {
    save: (key, draft) => tracked(set(key, draft, db)),
    remove: (key) => tracked(del(key, db)),
    async list(prefix) {
      const matching = (await keys<string>(db)).filter((key) => key.startsWith(prefix));
      const drafts = await getMany<Draft>(matching, db);
      return matching.flatMap((key, i) => (drafts[i] ? [[key, drafts[i]] as [string, Draft]] : []));
    },
  };
}
