import type { AmendmentStatus, AmendmentView } from '../shared/amendments';

/** What the plan's amendments list can be narrowed to: `outdated` is pending on a passage that changed. */
export const AMENDMENT_FILTER_STATUSES = ['pending', 'outdated', 'accepted', 'rejected', 'withdrawn'] as const;
export type AmendmentFilterStatus = (typeof AMENDMENT_FILTER_STATUSES)[number];

/** `state`: a member state's code, or `chair` for the chair's own amendments. */
export type AmendmentFilter = { state?: string; status?: AmendmentFilterStatus; sectionId?: string };

/** Filters from a page's query: anything that is not a known status, a state code, `chair` or a section id is ignored. */
export function amendmentFilter(query: { state?: string; status?: string; section?: string }): AmendmentFilter {
  const status = AMENDMENT_FILTER_STATUSES.find((s) => s === query.status);
  const state = query.state && (query.state === 'chair' || /^[A-Z]{3}$/.test(query.state)) ? query.state : undefined;
  const sectionId = query.section && /^[0-9a-f-]{36}$/.test(query.section) ? query.section : undefined;
  return { ...(status && { status }), ...(state && { state }), ...(sectionId && { sectionId }) };
}

/** Whether an amendment is the state's (proposed or co-sponsored by it), in that status and section. */
export function matchesAmendmentFilter(a: AmendmentView, filter: AmendmentFilter): boolean {
  if (filter.sectionId && a.sectionId !== filter.sectionId) return false;
  if (filter.status && statusOf(a) !== filter.status) return false;
  if (filter.state === 'chair') return a.sponsorState === null;
  if (filter.state) return a.sponsorState === filter.state || a.cosponsors.includes(filter.state);
  return true;
}

function statusOf(a: AmendmentView): AmendmentFilterStatus | AmendmentStatus {
  return a.status === 'pending' && a.outdated ? 'outdated' : a.status;
}
