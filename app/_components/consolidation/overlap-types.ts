import type { OverlapView, PlanOverlaps } from '../../../lib/consolidation/list-overlaps';
import { listOf } from '../../../lib/shared/cosponsorship';
import type { Highlight } from '../editor/extensions/overlap-highlights';

export type { OverlapView, PlanOverlaps };

/** The passage of an overlap that lies in a section, and the one it overlaps with. */
export function sides(overlap: OverlapView, sectionId: string) {
  return overlap.a.sectionId === sectionId ? { mine: overlap.a, theirs: overlap.b } : { mine: overlap.b, theirs: overlap.a };
}

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** The overlaps awaiting the chair, and those the chair resolved (closed ones, no longer overlapping, are left out). */
export function openAndResolved(overlaps: readonly OverlapView[]): { open: OverlapView[]; resolved: OverlapView[] } {
  return { open: overlaps.filter((o) => o.status === 'open'), resolved: overlaps.filter((o) => o.status !== 'open' && o.status !== 'closed') };
}

/** Highlights of a section's open overlaps; `focused` is the one the chair opened. */
export function sectionHighlights(overlaps: readonly OverlapView[], sectionId: string, focused?: string): Highlight[] {
  return overlaps
    .filter((o) => o.status === 'open')
    .map((o) => {
      const { mine, theirs } = sides(o, sectionId);
      return {
        id: o.id,
        anchor: mine.anchor,
        label: `Overlaps (${percent(o.score)}) with section ${theirs.sectionNumber}, ${theirs.sectionTitle} — ${theirs.state.name}`,
        focused: o.id === focused,
      };
    });
}

/** One line on what the chair decided, for the states concerned. */
export function describeResolution(overlap: OverlapView, sectionId: string): string {
  const { theirs } = sides(overlap, sectionId);
  const other = `section ${theirs.sectionNumber} (${theirs.sectionTitle}, ${theirs.state.name})`;
  const by = overlap.resolvedBy ? ` by ${overlap.resolvedBy}` : '';
  const resolution = overlap.resolution;
  switch (resolution?.kind) {
    case 'merge': {
      const keptHere = (resolution.kept === 'a' ? overlap.a : overlap.b).sectionId === sectionId;
      return `Merged${by} with ${other}: ${keptHere ? 'the wording here stays' : 'the wording there stays and this passage refers to it'}, co-sponsored by ${listOf(resolution.cosponsors)}.`;
    }
    case 'keep':
      return `Both kept${by} (overlap with ${other}): ${resolution.reason}`;
    case 'dismiss':
      return `Dismissed${by} as not an overlap with ${other}${resolution.reason ? `: ${resolution.reason}` : '.'}`;
    default:
      return overlap.status === 'closed' ? `No longer overlaps with ${other}.` : `Overlaps with ${other}; awaiting the chair.`;
  }
}
