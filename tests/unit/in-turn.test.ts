import { describe, expect, it } from 'vitest';
import { createTurns } from '../../lib/import/in-turn';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  // A gate may be rejected before its task awaits it: that is not an unhandled rejection.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

describe('conversions take turns', () => {
  it('one runs at a time, in the order queued, and a failure does not hold up the next', async () => {
    const inTurn = createTurns();
    const log: string[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const task = (n: number) => async () => {
      log.push(`start ${n}`);
      await gates[n]!.promise;
      log.push(`end ${n}`);
      return n;
    };
    const first = inTurn(task(0));
    const second = inTurn(task(1));
    const third = inTurn(task(2));
    await Promise.resolve();
    gates[2]!.resolve();
    gates[1]!.reject(new Error('damaged'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['start 0']);
    gates[0]!.resolve();
    await expect(first).resolves.toBe(0);
    await expect(second).rejects.toThrow('damaged');
    await expect(third).resolves.toBe(2);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'start 2', 'end 2']);
  });
});
