import { setSharedAnalyser, sharedAnalyser } from '../../lib/consolidation/shared-analyser';

/** Overlap analyses the server ran on its own so far, and whether the last one compared across languages. */
export type AnalysisCount = { started: number; completed: number; crossLanguage: boolean | null };

/**
 * Counts the analyses the server starts by itself (debounced while people type) by standing between
 * it and its overlap thread: the plenary reports how many ran during its window, translation included.
 */
export function countAnalyses(): { read(): AnalysisCount } {
  const count: AnalysisCount = { started: 0, completed: 0, crossLanguage: null };
  const thread = sharedAnalyser();
  if (thread)
    setSharedAnalyser({
      async currentOverlaps(planId, sections) {
        count.started++;
        const result = await thread.currentOverlaps(planId, sections);
        count.completed++;
        count.crossLanguage = result.crossLanguage.available;
        return result;
      },
    });
  return { read: () => ({ ...count }) };
}
