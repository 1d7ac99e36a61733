import { describe, expect, it } from 'vitest';
import {
  between,
  hashText,
  integerBetween,
  mulberry32,
  pick,
  smoothNoise,
  uniform,
} from './prng.js';

describe('prng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const next = mulberry32(7);
    const values = Array.from({ length: 10_000 }, () => next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('fixes a value by seed and keys', () => {
    expect(uniform(1, 'parking', 'han-market', 3)).toBe(uniform(1, 'parking', 'han-market', 3));
    expect(uniform(1, 'parking', 'han-market', 3)).not.toBe(uniform(2, 'parking', 'han-market', 3));
    expect(hashText('a')).not.toBe(hashText('b'));
  });

  it('keeps ranged picks inside their range', () => {
    for (let index = 0; index < 500; index += 1) {
      const value = between(3, 10, 20, index);
      expect(value).toBeGreaterThanOrEqual(10);
      expect(value).toBeLessThan(20);
      const whole = integerBetween(3, 1, 3, index);
      expect([1, 2, 3]).toContain(whole);
      expect(['a', 'b']).toContain(pick(3, ['a', 'b'] as const, index));
    }
  });

  it('drifts smoothly: noise stays in [-1, 1] and moves little between close instants', () => {
    const period = 60_000;
    for (let time = 0; time < 20 * period; time += 1000) {
      const now = smoothNoise(5, 'key', time, period);
      expect(Math.abs(now)).toBeLessThanOrEqual(1);
      expect(Math.abs(smoothNoise(5, 'key', time + 1000, period) - now)).toBeLessThan(0.1);
    }
  });
});
