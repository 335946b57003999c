/** A run of words of a word-level comparison: in both passages, or only in one of them. */
export type WordRun = { text: string; in: 'both' | 'a' | 'b' };

const WORD = /\S+/g;

/** Words compared without case or surrounding punctuation, so "Women," and "women" are one word. */
function key(word: string): string {
  return word.toLocaleLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
}

/**
 * A word-level comparison of two passages (longest common subsequence of their words): the words they
 * share, in order, and the words only one has. Passages are bounded by the resolution schema (5,000
 * characters), so the table stays under a million cells.
 */
export function compareWords(a: string, b: string): WordRun[] {
  const x = a.match(WORD) ?? [];
  const y = b.match(WORD) ?? [];
  const kx = x.map(key);
  const ky = y.map(key);
  const width = ky.length + 1;
  const table = new Uint16Array((kx.length + 1) * width);
  for (let i = kx.length - 1; i >= 0; i--) {
    for (let j = ky.length - 1; j >= 0; j--) {
      table[i * width + j] =
        kx[i] === ky[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const runs: WordRun[] = [];
  const push = (text: string, side: WordRun['in']) => {
    const last = runs.at(-1);
    if (last?.in === side) last.text += ` ${text}`;
    else runs.push({ text, in: side });
  };
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && kx[i] === ky[j]) {
      push(x[i++]!, 'both');
      j++;
    } else if (j >= y.length || (i < x.length && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
      push(x[i++]!, 'a');
    } else push(y[j++]!, 'b');
  }
  return runs;
}

/** The words of `before` that are not in `after`, as runs in reading order ("…" between runs is the reader's). */
export function removedWords(before: string, after: string): string[] {
  return compareWords(before, after)
    .filter((run) => run.in === 'a')
    .map((run) => run.text);
}
