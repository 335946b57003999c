import type * as Y from 'yjs';

type Memo = { revision: number; values: Map<string, { revision: number; value: unknown }> };

const memos = new WeakMap<Y.Doc, Memo>();

/**
 * A value read from a live document, read again only once the document has changed since: the plan on one
 * page and the exports read every section's whole text, which costs a walk of each document per request.
 * Every change to a Yjs document (text, attributes, its record of authors) is an update, so counting updates
 * is enough to know the value is current. The memo goes with the document when its room unloads.
 */
export function memoByRevision<T>(doc: Y.Doc, key: string, read: () => T): T {
  let memo = memos.get(doc);
  if (!memo) {
    const created: Memo = { revision: 0, values: new Map() };
    doc.on('update', () => {
      created.revision++;
      created.values.clear();
    });
    memos.set(doc, (memo = created));
  }
  const kept = memo.values.get(key);
  if (kept && kept.revision === memo.revision) return kept.value as T;
  const value = read();
  memo.values.set(key, { revision: memo.revision, value });
  return value;
}
