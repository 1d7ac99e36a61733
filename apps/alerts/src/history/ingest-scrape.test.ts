import { describe, expect, it } from 'vitest';
import { ingestScrape } from './ingest-scrape.js';
import { SampleHistory } from './sample-history.js';

const keep = { keepMs: Infinity, fullResolutionMs: Infinity };
const target = { job: 'legocity-broker', instance: '127.0.0.1:1026' };
const entities = (type: string, value: number) => ({
  labels: { __name__: 'legocity_broker_entities', type },
  value,
});

function newHistory() {
  return new SampleHistory({
    retention: new Map([
      ['up', keep],
      ['legocity_broker_entities', keep],
    ]),
  });
}

describe('ingestScrape', () => {
  it('labels samples with job and instance and records up = 1', () => {
    const history = newHistory();
    ingestScrape(history, target, 0, [entities('Vehicle', 3)], new Map());
    expect(history.series('legocity_broker_entities')[0]?.labels).toEqual({
      __name__: 'legocity_broker_entities',
      type: 'Vehicle',
      ...target,
    });
    expect(history.series('up')[0]?.values).toEqual([1]);
  });

  it('records up = 0 and marks every series stale when the scrape failed', () => {
    const history = newHistory();
    const previous = ingestScrape(history, target, 0, [entities('Vehicle', 3)], new Map());
    ingestScrape(history, target, 15_000, undefined, previous);
    expect(history.series('up')[0]?.values).toEqual([1, 0]);
    expect(history.series('legocity_broker_entities')[0]?.values).toEqual([3, null]);
  });

  it('marks stale a series the target no longer exports', () => {
    const history = newHistory();
    const first = ingestScrape(
      history,
      target,
      0,
      [entities('Vehicle', 3), entities('ParkingSpot', 2)],
      new Map(),
    );
    ingestScrape(history, target, 15_000, [entities('ParkingSpot', 2)], first);
    const byType = Object.fromEntries(
      history.series('legocity_broker_entities').map((s) => [s.labels.type, s.values]),
    );
    expect(byType).toEqual({ Vehicle: [3, null], ParkingSpot: [2, 2] });
  });
});
