/** Contiguous runs of `size` terms, joined by a space; fewer terms than `size` give one shingle of all of them. */
export function shingles(terms: readonly string[], size = 2): Set<string> {
  if (terms.length <= size) return new Set(terms.length > 0 ? [terms.join(' ')] : []);
  const result = new Set<string>();
  for (let start = 0; start + size <= terms.length; start++) {
    let shingle = terms[start] ?? '';
    for (let offset = 1; offset < size; offset++) shingle += ` ${terms[start + offset] ?? ''}`;
    result.add(shingle);
  }
  return result;
}
