import { describe, expect, it } from 'vitest';
import { cacheFor } from './run-checks.js';

describe('cacheFor', () => {
  it('runs again once the interval has passed, and after a failed run', async () => {
    let clock = 0;
    let calls = 0;
    const cached = cacheFor(
      100,
      () => clock,
      () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('first run fails')) : Promise.resolve(calls);
      },
    );
    await expect(cached()).rejects.toThrow('first run fails');
    expect(await cached()).toBe(2);
    clock = 99;
    expect(await cached()).toBe(2);
    clock = 200;
    expect(await cached()).toBe(3);
  });
});
