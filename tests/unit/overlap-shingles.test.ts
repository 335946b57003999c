import { describe, expect, it } from 'vitest';
import { shingles } from '../../lib/overlap/shingles';

describe('shingles', () => {
  it('are the contiguous word pairs by default', () => {
    expect([...shingles(['train', 'polic', 'human', 'right'])]).toEqual(['train polic', 'polic human', 'human right']);
  });

  it('take any window size', () => {
    expect([...shingles(['a', 'b', 'c', 'd'], 3)]).toEqual(['a b c', 'b c d']);
  });

  it('keep each shingle once', () => {
    expect([...shingles(['a', 'b', 'a', 'b'])]).toEqual(['a b', 'b a']);
  });

  it('give one shingle for a run shorter than the window, and none for nothing', () => {
    expect([...shingles(['polic'])]).toEqual(['polic']);
    expect([...shingles(['a', 'b'], 3)]).toEqual(['a b']);
    expect(shingles([]).size).toBe(0);
  });

  it('change with word order, which is what tells phrasing from vocabulary', () => {
    expect(shingles(['human', 'right', 'polic'])).not.toEqual(shingles(['polic', 'human', 'right']));
  });
});
