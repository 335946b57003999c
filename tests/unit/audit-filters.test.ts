import { describe, expect, it } from 'vitest';
import { auditFilter, matchesAuditFilter } from '../../lib/audit/audit-filters';

describe('audit log filters', () => {
  const appointed = { action: 'member.appointed', before: null, after: { email: 'x@gob.pe', stateCode: 'PER' } };
  const section = { action: 'section.updated', before: { leadState: 'MEX' }, after: { coEditingStates: ['PER'] } };

  it('keeps entries of the kind asked for', () => {
    expect(matchesAuditFilter(appointed, { kind: 'member' })).toBe(true);
    expect(matchesAuditFilter(section, { kind: 'member' })).toBe(false);
  });

  it('keeps entries whose before or after names the state', () => {
    expect(matchesAuditFilter(appointed, { state: 'PER' })).toBe(true);
    expect(matchesAuditFilter(section, { state: 'PER' })).toBe(true);
    expect(matchesAuditFilter(section, { state: 'MEX' })).toBe(true);
    expect(matchesAuditFilter(appointed, { state: 'MEX' })).toBe(false);
  });

  it('ignores what a query cannot mean', () => {
    expect(auditFilter({ kind: 'everything', state: 'peru' })).toEqual({});
    expect(auditFilter({ kind: 'section', state: 'BRA' })).toEqual({ kind: 'section', state: 'BRA' });
  });
});
