import { describe, expect, it } from 'vitest';
import {
  and,
  arithmetic,
  compare,
  filter,
  maxBy,
  scalarLeft,
  sumBy,
  unless,
} from './vector-ops.js';

const v = (labels: Record<string, string>, value: number) => ({ labels, value });

describe('vector operations', () => {
  it('sum and max by labels', () => {
    const input = [
      v({ job: 'a', route: '/x' }, 1),
      v({ job: 'a', route: '/y' }, 2),
      v({ job: 'b' }, 5),
    ];
    expect(sumBy(['job'], input)).toEqual([v({ job: 'a' }, 3), v({ job: 'b' }, 5)]);
    expect(maxBy(['job'], input)).toEqual([v({ job: 'a' }, 2), v({ job: 'b' }, 5)]);
  });

  it('filter by a comparison with a scalar, keeping the value', () => {
    expect(filter([v({}, 0), v({ a: '1' }, 1)], '==', 0)).toEqual([v({}, 0)]);
  });

  it('subtract from a scalar, as time() − v', () => {
    expect(scalarLeft(100, '-', [v({ a: '1' }, 40)])).toEqual([v({ a: '1' }, 60)]);
  });

  it('match vectors one-to-one on all labels, dropping elements without a match', () => {
    const a = [v({ job: 'a' }, 1), v({ job: 'b' }, 4)];
    const b = [v({ job: 'a' }, 4)];
    expect(arithmetic(a, '/', b)).toEqual([v({ job: 'a' }, 0.25)]);
    expect(compare(a, '<', b)).toEqual([v({ job: 'a' }, 1)]);
  });

  it('keep or drop elements with `and on` / `unless on`', () => {
    const a = [v({ job: 'x', type: 'T' }, 1), v({ job: 'y', type: 'T' }, 2)];
    const b = [v({ job: 'x' }, 9)];
    expect(and(a, b, ['job'])).toEqual([a[0]]);
    expect(unless(a, b, ['job'])).toEqual([a[1]]);
  });

  it('fail like Prometheus when one side has two elements in one match group', () => {
    const a = [v({ job: 'x', route: '/a' }, 1), v({ job: 'x', route: '/b' }, 2)];
    expect(() => arithmetic(a, '/', [v({ job: 'x' }, 1)], ['job'])).toThrow(/match group/);
  });
});
