import * as Y from 'yjs';
import { EDITOR_FIELD } from '../shared/rooms';

/** The current instant of a document, as stored bytes. */
export function takeSnapshot(doc: Y.Doc): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(doc));
}

/** The same as takeSnapshot for the document an update holds, without building the document. */
export function snapshotOfUpdate(update: Uint8Array): Uint8Array {
  const { ds } = Y.decodeUpdate(update);
  return Y.encodeSnapshot(
    Y.createSnapshot(
      ds as Parameters<typeof Y.createSnapshot>[0],
      Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)),
    ),
  );
}

/** Whether two stored snapshots are the same instant of a document (same state vector and deletions). */
export function sameInstant(a: Uint8Array, b: Uint8Array): boolean {
  return Y.equalSnapshots(Y.decodeSnapshot(a), Y.decodeSnapshot(b));
}

/**
 * Whether the document's text now is what it was at a snapshot: the same blocks, words, marks and
 * attributes, whoever wrote them and whatever was typed and taken back in between.
 */
export function sameContentAsAt(doc: Y.Doc, snapshot: Uint8Array): boolean {
  const past = contentAt(doc, snapshot);
  const same = past.getXmlFragment(EDITOR_FIELD).toString() === doc.getXmlFragment(EDITOR_FIELD).toString();
  past.destroy();
  return same;
}

/** Users who inserted or deleted text between two snapshots (the earlier one may be absent). */
export function editorsBetween(users: Y.PermanentUserData, earlier: Uint8Array | null, later: Uint8Array): string[] {
  const before = earlier ? Y.decodeSnapshot(earlier) : Y.emptySnapshot;
  const after = Y.decodeSnapshot(later);
  const who = new Set<string>();
  for (const [client, clock] of after.sv) {
    if (clock > (before.sv.get(client) ?? 0)) {
      const user = users.getUserByClientId(client);
      if (user) who.add(user);
    }
  }
  for (const [client, ranges] of after.ds.clients) {
    for (const { clock, len } of ranges) {
      for (let c = clock; c < clock + len; c++) {
        if (Y.isDeleted(before.ds, Y.createID(client, c))) continue;
        const user = users.getUserByDeletedId(Y.createID(client, c));
        if (user) who.add(user);
        break;
      }
    }
  }
  return [...who].sort();
}

/** The document's content as it was at a snapshot, as a standalone document. */
export function contentAt(doc: Y.Doc, snapshot: Uint8Array): Y.Doc {
  return Y.createDocFromSnapshot(doc, Y.decodeSnapshot(snapshot));
}

/** Replaces a document's content with the content it had at a snapshot, as ordinary edits. */
export function restoreInto(copy: Y.Doc, snapshot: Uint8Array): void {
  const past = contentAt(copy, snapshot).getXmlFragment(EDITOR_FIELD);
  const fragment = copy.getXmlFragment(EDITOR_FIELD);
  copy.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      past.toArray().map((node) => (node as Y.XmlElement | Y.XmlText).clone()),
    );
  });
}
