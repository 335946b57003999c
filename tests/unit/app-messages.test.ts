import { describe, expect, it } from 'vitest';
import * as messages from '../../lib/shared/app-messages';

describe('application message types', () => {
  it('gives every kind of message its own number, clear of the y-websocket protocol', () => {
    const numbers = Object.entries(messages)
      .filter(([name]) => name.endsWith('_MESSAGE'))
      .map(([, value]) => value as number);
    expect(numbers.length).toBeGreaterThan(5);
    // A page hands each number to one handler: two kinds on one number reach the wrong one.
    expect(new Set(numbers).size).toBe(numbers.length);
    // y-websocket uses 0 (sync), 1 (awareness), 2 (auth) and 3 (query awareness).
    for (const number of numbers) expect(number).toBeGreaterThanOrEqual(100);
  });
});
