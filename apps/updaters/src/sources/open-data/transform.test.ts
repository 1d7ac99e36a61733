import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/source-testing.test-support.js';
import { fixtureMapping } from './test-mappings.test-support.js';
import { transformOpenData } from './transform.js';

describe('transformOpenData with CSV', () => {
  const parkings = fixtureMapping('parkings');
  const text = readFixture('open-data/parkings.csv');

  it('skips the BOM, loads good rows and reports bad ones by line number', () => {
    const result = transformOpenData(text, parkings);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems).toEqual([
      'line 12: column "capacity": is required but empty',
      'line 14: column "capacity": expected an integer, got "abc"',
      'line 17: has 4 fields, the header has 6',
    ]);
    expect(result.entities).toHaveLength(12);
    expect(result.entities[0]).toEqual({
      id: 'urn:ngsi-ld:OffStreetParking:P01',
      type: 'OffStreetParking',
      name: { type: 'Property', value: 'Parking Gare Europole' },
      totalSpotNumber: { type: 'Property', value: 1200 },
      maximumAllowedHeight: { type: 'Property', value: 2.1, unitCode: 'MTR' },
      location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [5.71391, 45.19093] } },
    });
  });

  it('reads quoted fields and leaves an empty optional value out', () => {
    const result = transformOpenData(text, parkings);
    const byId = new Map(result.ok ? result.entities.map((entity) => [entity.id, entity]) : []);
    expect(byId.get('urn:ngsi-ld:OffStreetParking:P03')?.name).toEqual({
      type: 'Property',
      value: 'Parking Philippeville, niveau -1',
    });
    expect(byId.get('urn:ngsi-ld:OffStreetParking:P04')).not.toHaveProperty('maximumAllowedHeight');
  });

  it('gives the same entities for the same file', () => {
    expect(transformOpenData(text, parkings)).toEqual(transformOpenData(text, parkings));
  });

  it('reads WKT lines with a template id, a delimiter and observation times', () => {
    const result = transformOpenData(
      readFixture('open-data/cycle-lanes.csv'),
      fixtureMapping('cycle-lanes'),
    );
    expect(result.ok && result.problems).toEqual([
      'line 5: column "geometry": is not WKT: expected WKT such as POINT (lon lat), LINESTRING (…) or POLYGON ((…))',
    ]);
    expect(
      result.ok &&
        result.entities.map((entity) => [
          entity.id,
          (entity.location as { value: { type: string } }).value.type,
        ]),
    ).toEqual([
      ['urn:ngsi-ld:RoadSegment:centre-1', 'LineString'],
      ['urn:ngsi-ld:RoadSegment:centre-2', 'MultiLineString'],
      ['urn:ngsi-ld:RoadSegment:sud-1', 'LineString'],
    ]);
    expect(result.ok && result.entities[2]).toMatchObject({
      twoWay: { value: true, observedAt: '2024-04-03T08:30:00.000Z' },
      length: { value: 2100, unitCode: 'MTR', observedAt: '2024-04-03T08:30:00.000Z' },
    });
  });

  it('refuses the whole file when a mapped column is not in the header', () => {
    expect(transformOpenData('code,name\nP1,x\n', fixtureMapping('parkings'))).toEqual({
      ok: false,
      message:
        'CSV header lacks column "capacity", column "max_height_m", column "lon", column "lat" (it has: code, name)',
    });
  });

  it('refuses a file that is not CSV with the line of the fault', () => {
    const result = transformOpenData('code,name,capacity,max_height_m,lon,lat\n"P1,x\n', parkings);
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^CSV cannot be read/),
    });
  });

  it('reports a repeated id and keeps the first row', () => {
    const csv = 'code,name,capacity,max_height_m,lon,lat\nP1,A,1,,5,45\nP1,B,2,,5,45\n';
    const result = transformOpenData(csv, parkings);
    expect(result.ok && result.problems).toEqual([
      'line 3: entity id urn:ngsi-ld:OffStreetParking:P1 repeats line 2',
    ]);
  });

  it('reports a position out of range', () => {
    const csv = 'code,name,capacity,max_height_m,lon,lat\nP1,A,1,,5,95\nP2,B,2,,x,45\n';
    const result = transformOpenData(csv, parkings);
    expect(result.ok && result.problems).toEqual([
      'line 2: location.coordinates[1] latitude 95 is outside [-90, 90]',
      'line 3: column "lon": expected a longitude, got "x"',
    ]);
  });
});

describe('transformOpenData with GeoJSON', () => {
  const floodZones = fixtureMapping('flood-zones');

  it('keeps real geometries and reports bad features by number', () => {
    const result = transformOpenData(readFixture('open-data/flood-zones.geojson'), floodZones);
    expect(result.ok && result.problems).toEqual([
      'feature 3: property "return_period_years": expected an integer, got "ten"',
    ]);
    expect(
      result.ok &&
        result.entities.map((entity) => [
          entity.id,
          (entity.location as { value: { type: string } }).value.type,
        ]),
    ).toEqual([
      ['urn:ngsi-ld:FloodZone:FZ-01', 'Polygon'],
      ['urn:ngsi-ld:FloodZone:FZ-02', 'MultiPolygon'],
      ['urn:ngsi-ld:FloodZone:FZ-04', 'LineString'],
    ]);
    expect(result.ok && result.entities[0]).toMatchObject({
      name: { type: 'Property', value: 'Isère right bank' },
      area: { type: 'Property', value: 42.5, unitCode: 'HAR' },
      returnPeriod: { type: 'Property', value: 100, unitCode: 'ANN' },
    });
  });

  it('reports an open polygon ring and a feature without an id', () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'a',
          properties: { label: 'x' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 1],
              ],
            ],
          },
        },
        { type: 'Feature', properties: { label: 'y' }, geometry: null },
      ],
    });
    const result = transformOpenData(geojson, floodZones);
    expect(result.ok && result.problems).toHaveLength(2);
    expect(result.ok && result.problems[0]).toMatch(/^feature 1: geometry\.coordinates\[0\]/);
    expect(result.ok && result.problems[1]).toBe('feature 2: the feature has no id');
  });

  it('refuses text that is not GeoJSON', () => {
    expect(transformOpenData('{"type":"Topology"}', floodZones)).toEqual({
      ok: false,
      message: 'GeoJSON: expected a FeatureCollection with a features list, or a Feature',
    });
  });
});
