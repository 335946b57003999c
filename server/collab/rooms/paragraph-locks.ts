import * as Y from 'yjs';

/**
 * Whether an update inserts into or deletes from a locked (agreed) paragraph of `doc`, whose elements'
 * Yjs ids ("client:clock") are `locked`. Costs one decoding of the update (small, for a keystroke) and a
 * climb of a few parents per inserted item and per deleted range: the document is never encoded.
 *
 * An inserted item's container is its parent, written in the update only when it has no neighbours; else
 * it is the parent of its left (or right) neighbour, which is in the document already or earlier in the
 * same update. A new paragraph placed next to a locked one has the document's fragment as container, so
 * writing around an agreed paragraph stays free.
 */
export function touchesLockedParagraph(doc: Y.Doc, update: Uint8Array, locked: ReadonlySet<string>): boolean {
  if (!locked.size) return false;
  const { structs, ds } = Y.decodeUpdate(update);
  /** Whether each item of this update lies inside a locked paragraph, by id. */
  const inside = new Map<string, boolean>();
  const existing = (id: Y.ID): Y.Item | null => {
    const structsOf = doc.store.clients.get(id.client);
    if (!structsOf || Y.getState(doc.store, id.client) <= id.clock) return null;
    const struct = Y.getItem(doc.store, id);
    return struct instanceof Y.Item ? struct : null;
  };
  /** Whether an item that is the container, or holds it, is locked: a climb to the document's root. */
  const lockedFrom = (item: Y.Item | null): boolean => {
    for (let at = item; at; at = (at.parent as Y.AbstractType<unknown>)._item) if (locked.has(key(at.id))) return true;
    return false;
  };
  /** Whether new content next to (or in) `id` would be inside a locked paragraph. */
  const besideInside = (id: Y.ID): boolean => {
    const fromUpdate = inside.get(key(id));
    if (fromUpdate !== undefined) return fromUpdate;
    const neighbour = existing(id);
    return neighbour ? lockedFrom((neighbour.parent as Y.AbstractType<unknown>)._item) : false;
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    let within: boolean;
    if (struct.parent instanceof Y.ID) {
      const fromUpdate = inside.get(key(struct.parent));
      within = fromUpdate ?? lockedFrom(existing(struct.parent));
    } else if (struct.origin) within = besideInside(struct.origin);
    else if (struct.rightOrigin) within = besideInside(struct.rightOrigin);
    else within = false;
    if (within) return true;
    // Items of one struct share a container: recording its first id serves neighbours that name any of them.
    for (let i = 0; i < struct.length; i++) inside.set(`${struct.id.client}:${struct.id.clock + i}`, false);
  }
  for (const [client, ranges] of ds.clients) {
    const structsOf = doc.store.clients.get(client);
    if (!structsOf) continue;
    const end = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (clock >= end) continue;
      for (let i = Y.findIndexSS(structsOf, clock); i < structsOf.length; i++) {
        const struct = structsOf[i]!;
        if (struct.id.clock >= clock + len) break;
        if (struct instanceof Y.Item && !struct.deleted && lockedFrom(struct)) return true;
      }
    }
  }
  return false;
}

function key(id: Y.ID): string {
  return `${id.client}:${id.clock}`;
}
