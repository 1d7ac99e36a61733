import { describe, expect, it } from 'vitest';
import { chartGeometry, type ChartBox } from './chart-geometry.js';

const BOX: ChartBox = { width: 110, height: 60, padding: { top: 5, right: 5, bottom: 5, left: 5 } };

describe('chartGeometry', () => {
  it('scales time to x and value to y, highest value at the top', () => {
    const g = chartGeometry(
      [
        ['2026-11-23T00:00:00Z', 0],
        ['2026-11-23T01:00:00Z', 10],
      ],
      BOX,
    );
    expect(g.path).toBe('M5 55 L105 5');
    expect([g.minValue, g.maxValue]).toEqual([0, 10]);
  });

  it('breaks the line at gaps and draws lone values as dots', () => {
    const g = chartGeometry(
      [
        ['2026-11-23T00:00:00Z', 1],
        ['2026-11-23T01:00:00Z', 2],
        ['2026-11-23T02:00:00Z', null],
        ['2026-11-23T03:00:00Z', 3],
      ],
      BOX,
    );
    expect(g.path.match(/M/g)).toHaveLength(1);
    expect(g.dots).toHaveLength(1);
  });

  it('sorts points by time and says when there is nothing to draw', () => {
    const g = chartGeometry([['2026-11-23T00:00:00Z', null]], BOX);
    expect(g.hasValues).toBe(false);
    expect(g.path).toBe('');
    const sorted = chartGeometry(
      [
        ['2026-11-23T02:00:00Z', 2],
        ['2026-11-23T00:00:00Z', 0],
      ],
      BOX,
    );
    expect(sorted.firstTime).toBe('2026-11-23T00:00:00Z');
  });

  it('draws a flat series across the middle', () => {
    const g = chartGeometry(
      [
        ['2026-11-23T00:00:00Z', 4],
        ['2026-11-23T01:00:00Z', 4],
      ],
      BOX,
    );
    expect(g.path).toBe('M5 30 L105 30');
  });
});
