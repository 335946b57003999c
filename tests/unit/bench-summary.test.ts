import { describe, expect, it } from 'vitest';
import { medians, ratios } from '../../bench/summary';

const runs = [
  { server: 'concordia' as const, p99: 30 },
  { server: 'concordia' as const, p99: 50 },
  { server: 'hocuspocus' as const, p99: 60 },
  { server: 'y-websocket' as const, p99: 80 },
  { server: 'relay' as const, p99: 20 },
];

describe('bench summary', () => {
  const summary = medians(runs, { p99: (r) => r.p99 });

  it('takes each server’s median over its rounds', () => {
    expect(summary.map((s) => [s.server, s.p99, s.rounds])).toEqual([
      ['concordia', 40, 2],
      ['y-websocket', 80, 1],
      ['hocuspocus', 60, 1],
      ['relay', 20, 1],
    ]);
  });

  it('compares Concordia with the best peer, never with the bare relay', () => {
    expect(ratios(summary, { p99: 'lower' })).toEqual({ p99: 0.67 });
  });

  it('reads the bare relay against the same peers', () => {
    expect(ratios(summary, { p99: 'lower' }, 'relay')).toEqual({ p99: 0.33 });
  });
});
