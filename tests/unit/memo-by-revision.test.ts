import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memoByRevision } from '../../lib/documents/memo-by-revision';

describe('memoByRevision', () => {
  const text = (doc: Y.Doc) => doc.getText('t').toString();

  it('reads the document once until it changes', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'shall adopt');
    let reads = 0;
    const read = () => memoByRevision(doc, 'k', () => (reads++, text(doc)));
    expect(read()).toBe('shall adopt');
    expect(read()).toBe('shall adopt');
    expect(reads).toBe(1);
    doc.getText('t').insert(0, 'States ');
    expect(read()).toBe('States shall adopt');
    expect(reads).toBe(2);
  });

  it('reads again after a deletion, which leaves the state vector as it was', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'States shall adopt');
    const read = () => memoByRevision(doc, 'k', () => text(doc));
    expect(read()).toBe('States shall adopt');
    doc.getText('t').delete(0, 7);
    expect(read()).toBe('shall adopt');
  });

  it('reads again after a change from another replica', () => {
    const doc = new Y.Doc();
    const other = new Y.Doc();
    const read = () => memoByRevision(doc, 'k', () => text(doc));
    expect(read()).toBe('');
    other.getText('t').insert(0, 'from Peru');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(read()).toBe('from Peru');
  });

  it('keeps the readings of different keys and documents apart', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'a');
    b.getText('t').insert(0, 'b');
    expect(memoByRevision(a, 'en', () => `${text(a)}-en`)).toBe('a-en');
    expect(memoByRevision(a, 'es', () => `${text(a)}-es`)).toBe('a-es');
    expect(memoByRevision(b, 'en', () => `${text(b)}-en`)).toBe('b-en');
    expect(memoByRevision(a, 'en', () => 'read again')).toBe('a-en');
  });
});
