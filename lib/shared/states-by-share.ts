/**
 * The states that wrote a passage, by ISO code, most characters first (ties by code): from its runs,
 * each with its author's state (none for the chair or seeded text) and its text; blank runs do not count.
 */
export function statesByShare(runs: Iterable<{ state: string | null | undefined; text: string }>): string[] {
  const byState = new Map<string, number>();
  for (const { state, text } of runs)
    if (state && text.trim()) byState.set(state, (byState.get(state) ?? 0) + text.length);
  return [...byState].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
}
