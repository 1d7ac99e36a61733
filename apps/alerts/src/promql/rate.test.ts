import { describe, expect, it } from 'vitest';
import { increase, rate } from './rate.js';
import type { Matrix } from './types.js';

/** A matrix ending at `endMs` over `rangeMs`, one series sampled every 15 s from `firstMs`. */
function matrix(
  values: number[],
  options: { endMs: number; rangeMs: number; firstMs: number },
): Matrix {
  return {
    startMs: options.endMs - options.rangeMs,
    endMs: options.endMs,
    rangeMs: options.rangeMs,
    series: [
      { labels: { a: '1' }, times: values.map((_, i) => options.firstMs + i * 15_000), values },
    ],
  };
}

describe('rate and increase', () => {
  it('extrapolate to the edges of the range when samples cover it', () => {
    // 20 samples from 15 s to 300 s in a 5-minute window ending at 300 s: +10 each.
    const m = matrix(
      Array.from({ length: 20 }, (_, i) => 100 + 10 * i),
      {
        endMs: 300_000,
        rangeMs: 300_000,
        firstMs: 15_000,
      },
    );
    expect(increase(m)[0]?.value).toBeCloseTo(190 * (300 / 285), 10);
    expect(rate(m)[0]?.value).toBeCloseTo((190 * (300 / 285)) / 300, 10);
  });

  it('do not extrapolate a counter below zero', () => {
    // A counter born at 60 s with 0: no increase is invented before it existed.
    const m = matrix([0, 10, 20], { endMs: 90_000, rangeMs: 300_000, firstMs: 60_000 });
    expect(increase(m)[0]?.value).toBeCloseTo(20, 10);
  });

  it('count what a counter had reached before a reset', () => {
    const m = matrix([50, 60, 5, 15], { endMs: 45_000, rangeMs: 45_000, firstMs: 0 });
    // 10 before the reset, 60 → 5 counts as 5 more, then 10: 25 over 45 s, extrapolated by 0.
    expect(increase(m)[0]?.value).toBeCloseTo(25, 10);
  });

  it('give nothing for a series with one sample in the range', () => {
    expect(increase(matrix([3], { endMs: 0, rangeMs: 300_000, firstMs: 0 }))).toEqual([]);
  });
});
