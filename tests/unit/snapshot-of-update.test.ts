import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentAt, snapshotOfUpdate, takeSnapshot } from '../../lib/documents/snapshots';
import { documentText } from '../../lib/documents/paragraphs';
import { appendParagraph } from '../helpers/paragraphs';

describe('the snapshot of a stored document', () => {
  it('is the snapshot of the document it holds, deletions included', () => {
    const doc = new Y.Doc({ gc: false });
    const first = appendParagraph(doc, 'The working group meets twice a year.');
    const other = new Y.Doc({ gc: false });
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    appendParagraph(other, 'Mexico proposes a hotline.');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    first.delete(23, 13);

    const fromUpdate = snapshotOfUpdate(Y.encodeStateAsUpdate(doc));
    expect(Y.equalSnapshots(Y.decodeSnapshot(fromUpdate), Y.decodeSnapshot(takeSnapshot(doc)))).toBe(true);

    first.insert(0, 'Later: ');
    expect(documentText(contentAt(doc, fromUpdate))).toBe('The working group meets.\nMexico proposes a hotline.');
  });
});
