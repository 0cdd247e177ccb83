// Durations a Node.js timer cannot hold are refused, not turned into an immediate abort (issue 12, item 7).
import { describe, expect, it } from 'vitest';
import { MAX_DURATION_MS, parseDuration, parseInputs } from '../../../src/action/inputs.js';

describe('duration bounds', () => {
  it('MAX_DURATION_MS is the longest delay a Node.js timer holds; one more overflows to 1 ms', async () => {
    const overflowed: number[] = [];
    const onWarning = (w: Error) => {
      if (w.name === 'TimeoutOverflowWarning') overflowed.push(overflowed.length);
    };
    const nextTicks = () => new Promise((resolve) => setImmediate(resolve)); // the warning is emitted on the next tick
    process.on('warning', onWarning);
    try {
      clearTimeout(setTimeout(() => {}, MAX_DURATION_MS));
      await nextTicks();
      expect(overflowed).toEqual([]);
      clearTimeout(setTimeout(() => {}, MAX_DURATION_MS + 1));
      await nextTicks();
      expect(overflowed).toEqual([0]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('accepts up to 2^31-1 ms', () => {
    expect(parseDuration('2147483647ms')).toBe(MAX_DURATION_MS);
    expect(parseDuration('596h')).toBe(596 * 3_600_000);
  });

  it.each(['600h', '2147483648ms', '596h32m', '2147484', '99999999999999999999h'])('rejects %s', (raw) => {
    expect(parseDuration(raw)).toBeNull();
  });

  it('an action input of 600h is a usage error naming the input', () => {
    const inputs: Record<string, string> = {
      'module-path': 'module',
      'iris-versions': '2024.1',
      'ipm-version': '0.10.10',
      'ipm-sha256': 'ab'.repeat(32),
      timeout: '600h',
    };
    expect(() =>
      parseInputs({ get: (n) => inputs[n] ?? '', env: { GITHUB_WORKSPACE: '/ws' }, event: null, setSecret: () => {} }),
    ).toThrow(/input "timeout": "600h" is not a duration of at most 596h/);
  });
});
