import { createStore, del, getMany, keys, set, type UseStore } from 'idb-keyval';
import type { Draft, DraftStorage } from './unsaved-edits';

let store: UseStore | null | undefined;

/** This browser's IndexedDB, or null where it has none (some private modes): edits are then not kept. */
export function browserDrafts(): DraftStorage | null {
  if (store === undefined) store = typeof indexedDB === 'undefined' ? null : createStore('concordia', 'unsent-edits');
  const db = store;
  if (!db) return null;
  return {
    save: (key, draft) => set(key, draft, db),
    remove: (key) => del(key, db),
    async list(prefix) {
      const matching = (await keys<string>(db)).filter((key) => key.startsWith(prefix));
      const drafts = await getMany<Draft>(matching, db);
      return matching.flatMap((key, i) => (drafts[i] ? [[key, drafts[i]] as [string, Draft]] : []));
    },
  };
}
