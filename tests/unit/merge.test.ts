import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { mergeRecent, mergeStored } from '../../server/collab/storage/merge-updates';
import { appendParagraph } from '../helpers/paragraphs';
import { documentText } from '../../lib/documents/paragraphs';

/** Writers typing into their own paragraphs of one shared document; every update, in the order made. */
function typing(writers: number, keys: number): { updates: Uint8Array[]; text: string } {
  const docs = Array.from({ length: writers }, () => new Y.Doc({ gc: false }));
  const updates: Uint8Array[] = [];
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'relay') return;
      updates.push(update);
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, 'relay');
    });
  }
  const texts = docs.map((doc) => appendParagraph(doc));
  for (let i = 0; i < keys; i++) {
    const text = texts[i % writers]!;
    text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  }
  return { updates, text: documentText(docs[0]!) };
}

describe('merging updates for the log', () => {
  const { updates, text } = typing(12, 3_000);

  it.each([1, 60, 257, 1_500])(
    'merges the last %i keystrokes, which build on earlier ones, without losing any',
    (count) => {
      const earlier = updates.slice(0, updates.length - count);
      const doc = new Y.Doc({ gc: false });
      Y.applyUpdate(doc, mergeStored(earlier));
      Y.applyUpdate(doc, mergeRecent(updates.slice(-count)));
      expect(documentText(doc)).toBe(text);
      expect(doc.store.pendingStructs).toBeNull();
    },
  );

  it('merges a stored state and its later log rows into the whole document', () => {
    const state = mergeRecent(updates.slice(0, 1_000));
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, mergeStored([state, ...updates.slice(1_000)]));
    expect(documentText(doc)).toBe(text);
  });
});
