import { describe, expect, it } from 'vitest';
import { brokerQueryFor, isBboxFilteredLocally, parseLayerRequest } from './layer-query.js';
import { testLayer } from './fake-broker.test-support.js';

const fieldsOf = (result: ReturnType<typeof parseLayerRequest>) =>
  result.ok ? [] : result.problems.map((problem) => problem.field);

describe('parseLayerRequest', () => {
  it('accepts no parameters as the first page of everything', () => {
    expect(parseLayerRequest(new URLSearchParams(''))).toEqual({
      ok: true,
      value: { bbox: undefined, page: 0, since: undefined, format: 'geojson' },
    });
  });

  it('reads bbox, page, since and format', () => {
    const result = parseLayerRequest(
      new URLSearchParams(
        'bbox=105.7,20.9,105.9,21.1&page=2&since=2024-05-01T12:00:00%2B02:00&format=geojson',
      ),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        bbox: [105.7, 20.9, 105.9, 21.1],
        page: 2,
        since: '2024-05-01T10:00:00.000Z',
        format: 'geojson',
      },
    });
  });

  it.each([
    ['1,2,3', 'three numbers'],
    ['1,2,3,4,5', 'five numbers'],
    ['3,2,1,4', 'minLon above maxLon'],
    ['1,4,3,2', 'minLat above maxLat'],
    ['-181,0,10,10', 'a longitude below -180'],
    ['0,0,10,91', 'a latitude above 90'],
    ['0,0,1e1,10', 'an exponent'],
    ['0,0,NaN,10', 'NaN'],
  ])('refuses bbox=%s (%s) naming the field and the rule', (bbox) => {
    const result = parseLayerRequest({ bbox });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      {
        field: 'bbox',
        message:
          'must be 4 numbers minLon,minLat,maxLon,maxLat within [-180,180] × [-90,90], min < max',
      },
    ]);
  });

  it('refuses unknown parameters, so the browser cannot set q, type or a URL', () => {
    const result = parseLayerRequest(
      new URLSearchParams('q=secret>0&type=Vehicle&url=http://evil&attrs=x'),
    );
    expect(fieldsOf(result)).toEqual(['q', 'type', 'url', 'attrs']);
    expect(!result.ok && result.problems[0]?.message).toBe(
      'is not a parameter of a layer (allowed: bbox, page, since, format)',
    );
  });

  it('reports every problem at once', () => {
    const result = parseLayerRequest({ bbox: 'x', page: '-1', since: 'yesterday', format: 'csv' });
    expect(fieldsOf(result)).toEqual(['bbox', 'page', 'since', 'format']);
  });

  it('refuses a repeated parameter and an over-long value', () => {
    expect(fieldsOf(parseLayerRequest(new URLSearchParams('page=1&page=2')))).toEqual(['page']);
    expect(fieldsOf(parseLayerRequest({ since: 'x'.repeat(201) }))).toEqual(['since']);
  });

  it('rounds the box so near-identical views share a cache entry', () => {
    const result = parseLayerRequest({ bbox: '105.70000001,20.9,105.9,21.1' });
    expect(result.ok && result.value.bbox).toEqual([105.7, 20.9, 105.9, 21.1]);
  });
});

describe('brokerQueryFor', () => {
  it('takes type, q and attributes from the layer and the box as an intersects geo-query', () => {
    const layer = testLayer({ q: 'value>3', attributes: ['value'] });
    expect(brokerQueryFor(layer, [1, 2, 3, 4])).toEqual({
      type: 'Sensor',
      q: 'value>3',
      pick: ['value', 'location'],
      geoQ: {
        georel: 'intersects',
        geometry: 'Polygon',
        coordinates: [
          [
            [1, 2],
            [3, 2],
            [3, 4],
            [1, 4],
            [1, 2],
          ],
        ],
        geoproperty: 'location',
      },
    });
  });

  it("keeps the layer's own geo-query and leaves the box to the proxy", () => {
    const geo = {
      georel: 'within',
      geometry: 'Polygon',
      coordinates: '[[[0,0],[1,0],[1,1],[0,0]]]',
    };
    const layer = testLayer({ geo });
    expect(brokerQueryFor(layer, [1, 2, 3, 4]).geoQ).toBe(geo);
    expect(isBboxFilteredLocally(layer, [1, 2, 3, 4])).toBe(true);
    expect(isBboxFilteredLocally(testLayer(), [1, 2, 3, 4])).toBe(false);
  });
});
