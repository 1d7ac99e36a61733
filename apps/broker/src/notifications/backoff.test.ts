import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it('doubles from one second and stops at the cap', () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, 5000, mid))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
  });

  it('spreads retries by ±20 %', () => {
    expect(retryDelayMs(1, 60_000, () => 0)).toBe(800);
    expect(retryDelayMs(1, 60_000, () => 1)).toBe(1200);
  });
});
