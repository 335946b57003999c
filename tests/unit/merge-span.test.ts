import { describe, expect, it } from 'vitest';
import { compareWords, removedWords } from '../../lib/shared/compare-words';
import { overlappingSpan } from '../../lib/shared/overlapping-span';

describe('the words a merge compares and removes', () => {
  it('compares two passages word by word, ignoring case and punctuation', () => {
    expect(compareWords('Create a regional network, now.', 'Establish a Regional network now')).toEqual([
      { text: 'Create', in: 'a' },
      { text: 'Establish', in: 'b' },
      { text: 'a regional network, now.', in: 'both' },
    ]);
  });

  it('lists the words an edit takes out, run by run', () => {
    expect(removedWords('one two three four five', 'one three four six')).toEqual(['two', 'five']);
    expect(removedWords('same words', 'same words')).toEqual([]);
  });

  it('finds the sentences of a paragraph that overlap the other passage, and only those', () => {
    const paragraph =
      'Data are protected by law. Establish a regional network of prosecutors for crimes against women. Report every year.';
    const span = overlappingSpan(
      paragraph,
      'Create a regional network of prosecutors specialised in crimes against women.',
    );
    expect(paragraph.slice(span.start, span.end)).toBe(
      'Establish a regional network of prosecutors for crimes against women.',
    );
  });

  it('takes a one-sentence paragraph whole', () => {
    const span = overlappingSpan('Only one sentence here. ', 'Something else entirely');
    expect(span).toEqual({ start: 0, end: 23 });
  });
});
