import type { OverlapView, PlanOverlaps } from '../../../lib/consolidation/list-overlaps';

export type { OverlapView, PlanOverlaps };

/** The passage of an overlap that lies in a section, and the one it overlaps with. */
export function sides(overlap: OverlapView, sectionId: string) {
  return overlap.a.sectionId === sectionId
    ? { mine: overlap.a, theirs: overlap.b }
    : { mine: overlap.b, theirs: overlap.a };
}

/** The overlaps awaiting the chair, and those the chair resolved (closed ones, no longer overlapping, are left out). */
export function openAndResolved(overlaps: readonly OverlapView[]): { open: OverlapView[]; resolved: OverlapView[] } {
  return {
    open: overlaps.filter((o) => o.status === 'open'),
    resolved: overlaps.filter((o) => o.status !== 'open' && o.status !== 'closed'),
  };
}
