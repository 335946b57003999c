import { describe, expect, it } from 'vitest';
import { amendmentFilter, matchesAmendmentFilter } from '../../lib/negotiation/amendment-filters';
import type { AmendmentView } from '../../lib/shared/amendments';

const SECTION = '11111111-2222-3333-4444-555555555555';
const amendment = (over: Partial<AmendmentView>): AmendmentView => ({
  id: 'a',
  number: 1,
  sectionId: SECTION,
  sponsorState: 'MEX',
  kind: 'replace',
  targetText: 'shall',
  proposedText: 'should',
  justification: '',
  status: 'pending',
  paragraph: '1.2',
  outdated: false,
  cosponsors: [],
  objections: [],
  decisionReason: null,
  createdAt: '2026-12-07T10:00:00Z',
  decidedAt: null,
  from: '',
  to: '',
  ...over,
});

describe("the plan's amendments filters", () => {
  it('reads a page query, ignoring what is not a status, a state, the chair or a section id', () => {
    expect(amendmentFilter({ state: 'BRA', status: 'outdated', section: SECTION })).toEqual({
      state: 'BRA',
      status: 'outdated',
      sectionId: SECTION,
    });
    expect(amendmentFilter({ state: 'chair' })).toEqual({ state: 'chair' });
    expect(amendmentFilter({ state: "BRA' or 1=1", status: 'lost', section: 'x' })).toEqual({});
  });

  it("counts a state's co-sponsored amendments as its own, and a changed passage's pending one as outdated", () => {
    const cosponsored = amendment({ cosponsors: ['BRA'] });
    expect(matchesAmendmentFilter(cosponsored, { state: 'BRA' })).toBe(true);
    expect(matchesAmendmentFilter(cosponsored, { state: 'CAN' })).toBe(false);
    expect(matchesAmendmentFilter(amendment({ sponsorState: null }), { state: 'chair' })).toBe(true);
    expect(matchesAmendmentFilter(cosponsored, { state: 'chair' })).toBe(false);
    const outdated = amendment({ outdated: true });
    expect(matchesAmendmentFilter(outdated, { status: 'outdated' })).toBe(true);
    expect(matchesAmendmentFilter(outdated, { status: 'pending' })).toBe(false);
    expect(matchesAmendmentFilter(amendment({}), { sectionId: 'other' })).toBe(false);
  });
});
