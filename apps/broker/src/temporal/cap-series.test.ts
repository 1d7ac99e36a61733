import { describe, expect, it } from 'vitest';
import { capSeries, contentRange } from './cap-series.js';

const at = (...minutes: number[]) =>
  minutes.map((m) => ({ time: `2024-01-01T00:${String(m).padStart(2, '0')}:00.000Z` }));
const times = (series: { time: string }[][]) =>
  series.map((items) => items.map((i) => i.time.slice(14, 16)));

describe('capSeries', () => {
  it('leaves series within the cap alone, without a boundary', () => {
    const result = capSeries([at(1, 2), at(3)], 2, { newestFirst: false });
    expect(result.boundary).toBeUndefined();
    expect(times(result.series)).toEqual([['01', '02'], ['03']]);
  });

  it('cuts every series before the earliest first-dropped instant (forward)', () => {
    // Series A was cut at minute 3, series B holds minutes 1, 2, 4 and 5 within its cap.
    const result = capSeries([at(1, 2, 3), at(1, 2, 4)], 2, { newestFirst: false });
    expect(result.boundary).toBe('2024-01-01T00:03:00.000Z');
    expect(times(result.series)).toEqual([
      ['01', '02'],
      ['01', '02'],
    ]);
  });

  it('does not keep a partial instant when the dropped item shares its time (forward)', () => {
    const result = capSeries([at(1, 2, 2)], 2, { newestFirst: false });
    expect(result.boundary).toBe('2024-01-01T00:02:00.000Z');
    expect(times(result.series)).toEqual([['01']]);
  });

  it('keeps the newest instants complete when cutting newest first (lastN)', () => {
    const result = capSeries([at(9, 8, 7), at(9, 5, 4)], 2, { newestFirst: true });
    expect(result.boundary).toBe('2024-01-01T00:08:00.000Z');
    expect(times(result.series)).toEqual([['09', '08'], ['09']]);
  });

  it('drops a partial oldest instant when cutting newest first', () => {
    const result = capSeries([at(9, 8, 8)], 2, { newestFirst: true });
    expect(result.boundary).toBe('2024-01-01T00:09:00.000Z');
    expect(times(result.series)).toEqual([['09']]);
  });
});

describe('contentRange', () => {
  it('writes the date-time range and the size (§6.3.10)', () => {
    expect(contentRange({ start: 'A', end: 'B' })).toBe('date-time A-B/*');
    expect(contentRange({ start: 'B', end: 'A', size: 10 })).toBe('date-time B-A/10');
  });
});
