import type { BrokerClient, QueryEntitiesParams } from '@legocity/broker-client';
import { describe, expect, it } from 'vitest';
import { fakeBroker, pointFeature, testLayer } from './fake-broker.test-support.js';
import { fetchLayer, newestChange } from './fetch-layer.js';

const grid = (count: number) =>
  Array.from({ length: count }, (_, n) =>
    pointFeature(n, 105 + (n % 50) * 0.01 + 0.003, 21 + Math.floor(n / 50) * 0.01 + 0.003),
  );
const now = () => new Date('2024-06-01T00:00:00.000Z');

describe('fetchLayer', () => {
  it('pages through every match, 1000 at a time, not just the first page', async () => {
    const broker = fakeBroker(grid(2_500));
    const answer = await fetchLayer(
      testLayer(),
      { bbox: undefined },
      { clientFor: broker.clientFor, now },
    );
    expect(answer.aggregated).toBe(false);
    expect(answer.features).toHaveLength(2_500);
    expect(answer.total).toBe(2_500);
    expect(broker.calls.map((call) => [call.offset, call.limit])).toEqual([
      [0, 1000],
      [1000, 1000],
      [2000, 1000],
    ]);
    expect(broker.calls[0]).toMatchObject({
      type: 'Sensor',
      count: true,
      geoJson: true,
      options: ['keyValues', 'sysAttrs'],
    });
  });

  it('pages until a short page when the broker does not count', async () => {
    const broker = fakeBroker(grid(2_500));
    const counting = broker.client.queryEntities.bind(broker.client);
    const uncounted = {
      ...broker.client,
      queryEntities: async (params: QueryEntitiesParams) => {
        const { entities } = await counting(params);
        return { entities };
      },
    } as BrokerClient;
    const answer = await fetchLayer(
      testLayer(),
      { bbox: undefined },
      { clientFor: () => uncounted },
    );
    expect(answer.features).toHaveLength(2_500);
    const capped = await fetchLayer(
      testLayer(),
      { bbox: [105, 21, 105.5, 21.5] },
      {
        clientFor: () => uncounted,
        cap: 1_500,
      },
    );
    expect(capped.aggregated).toBe(true);
  });

  it('asks the broker for the box only', async () => {
    const broker = fakeBroker(grid(2_500));
    const answer = await fetchLayer(
      testLayer(),
      { bbox: [105, 21, 105.1, 21.1] },
      { clientFor: broker.clientFor },
    );
    expect(answer.total).toBe(100);
    expect(broker.calls[0]?.geoQ?.georel).toBe('intersects');
  });

  it('filters by box itself when the layer has its own geo-query', async () => {
    const broker = fakeBroker(grid(2_500));
    const geo = { georel: 'near;maxDistance==100000', geometry: 'Point', coordinates: [105, 21] };
    const answer = await fetchLayer(
      testLayer({ geo }),
      { bbox: [105, 21, 105.1, 21.1] },
      { clientFor: broker.clientFor },
    );
    expect(broker.calls[0]?.geoQ).toBe(geo);
    expect(answer.features).toHaveLength(100);
  });

  it('answers a grid of counts beyond the cap and says so', async () => {
    const broker = fakeBroker(grid(2_500));
    const answer = await fetchLayer(
      testLayer(),
      { bbox: [105, 21, 105.5, 21.5] },
      { clientFor: broker.clientFor, cap: 1_000, now },
    );
    expect(answer.aggregated).toBe(true);
    expect(answer.total).toBe(2_500);
    expect(answer.aggregated && answer.cellSize).toBe(0.05);
    const counted = answer.features.reduce((sum, cell) => sum + Number(cell.properties.count), 0);
    expect(counted).toBe(2_500);
    expect(answer.dataAge).toEqual({ fetchedAt: '2024-06-01T00:00:00.000Z' });
  });

  it('bins by paging when the layer geo-query leaves no room for cell queries', async () => {
    const broker = fakeBroker(grid(2_500));
    const geo = { georel: 'near;maxDistance==100000', geometry: 'Point', coordinates: [105, 21] };
    const answer = await fetchLayer(
      testLayer({ geo }),
      { bbox: [105, 21, 105.5, 21.5] },
      { clientFor: broker.clientFor, cap: 1_000 },
    );
    const counted = answer.features.reduce((sum, cell) => sum + Number(cell.properties.count), 0);
    expect(answer.aggregated).toBe(true);
    expect(counted).toBe(2_500);
  });

  it('reports the newest change among the features and when it fetched them', async () => {
    const features = [
      pointFeature(1, 105, 21, '2024-05-01T10:00:00.000Z'),
      pointFeature(2, 105, 21, '2024-05-02T10:00:00.000Z'),
    ];
    const answer = await fetchLayer(
      testLayer(),
      { bbox: undefined },
      {
        clientFor: fakeBroker(features).clientFor,
        now,
      },
    );
    expect(answer.dataAge).toEqual({
      newestChangeAt: '2024-05-02T10:00:00.000Z',
      fetchedAt: '2024-06-01T00:00:00.000Z',
    });
  });
});

describe('newestChange', () => {
  it('looks at modifiedAt and observedAt and ignores what is not a date', () => {
    expect(
      newestChange([
        { properties: { modifiedAt: '2024-01-01T00:00:00Z', observedAt: '2024-03-01T00:00:00Z' } },
        { properties: { modifiedAt: 'soon' } },
      ]),
    ).toBe('2024-03-01T00:00:00.000Z');
    expect(newestChange([{ properties: {} }])).toBeUndefined();
  });
});
