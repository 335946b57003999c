import { describe, expect, it } from 'vitest';
import { auditFilter } from '../../lib/audit/audit-filters';

describe('audit log filters', () => {
  it('ignores what a query cannot mean', () => {
    expect(auditFilter({ kind: 'everything', state: 'peru', before: '-3' })).toEqual({});
    expect(auditFilter({ kind: 'section', state: 'BRA', before: '120' })).toEqual({
      kind: 'section',
      state: 'BRA',
      before: 120,
    });
    expect(auditFilter({ before: '1e9' })).toEqual({});
  });
});
