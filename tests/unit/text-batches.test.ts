import { describe, expect, it } from 'vitest';
import { textBatches } from '../../lib/shared/text-batches';

describe('textBatches', () => {
  it('keeps order and bounds each batch by count and characters; an oversize text goes alone', () => {
    const texts = ['aaaa', 'bb', 'cccccccccc', 'd', 'e', 'f'];
    expect([...textBatches(texts, { maxChars: 6 })]).toEqual([['aaaa', 'bb'], ['cccccccccc'], ['d', 'e', 'f']]);
    expect([...textBatches(texts, { maxItems: 2, maxChars: 100 })]).toEqual([
      ['aaaa', 'bb'],
      ['cccccccccc', 'd'],
      ['e', 'f'],
    ]);
    expect([...textBatches([], { maxChars: 1 })]).toEqual([]);
  });
});
