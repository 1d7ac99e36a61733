import { describe, expect, it } from 'vitest';
import { aggregatedSeries } from './aggregated-series.js';

describe('aggregatedSeries', () => {
  it('reads [value, start, end] periods of the method, oldest first, as ISO starts', () => {
    const entity = {
      id: 'urn:ngsi-ld:S:1',
      pm25: {
        type: 'Property',
        avg: [
          [14, '2026-11-23T01:00:00Z', '2026-11-23T02:00:00Z'],
          [12.5, '2026-11-23T00:00:00Z', '2026-11-23T01:00:00Z'],
        ],
        max: [[99, '2026-11-23T00:00:00Z', '2026-11-23T01:00:00Z']],
      },
    };
    expect(aggregatedSeries(entity, 'pm25', 'avg')).toEqual([
      ['2026-11-23T00:00:00.000Z', 12.5],
      ['2026-11-23T01:00:00.000Z', 14],
    ]);
  });

  it('uses the default instance of a multi-instance attribute and maps non-numbers to null', () => {
    const entity = {
      level: [
        { type: 'Property', datasetId: 'urn:d:1', avg: [[1, '2026-11-23T00:00:00Z', 'x']] },
        { type: 'Property', avg: [['n/a', '2026-11-23T00:00:00Z', 'x']] },
      ],
    };
    expect(aggregatedSeries(entity, 'level', 'avg')).toEqual([['2026-11-23T00:00:00.000Z', null]]);
  });

  it('answers no points for a missing attribute, method or malformed period', () => {
    expect(aggregatedSeries({}, 'pm25', 'avg')).toEqual([]);
    expect(aggregatedSeries({ pm25: { avg: [[1, 'not a date']] } }, 'pm25', 'avg')).toEqual([]);
    expect(aggregatedSeries(null, 'pm25', 'avg')).toEqual([]);
  });
});
