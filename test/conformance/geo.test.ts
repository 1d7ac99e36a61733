import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import {
  BATCH,
  client,
  entity,
  expectProblem,
  geoProperty,
  lineString,
  point,
  property,
  square,
  type Body,
  type Client,
} from './builders.js';

// Around Hoan Kiem lake, Hanoi (latitude 21°): 0.01° of longitude is about 1.04 km.
const CENTRE: [number, number] = [105.85, 21.03];
const ZONE = square(105.84, 21.02, 0.03); // 105.84–105.87 E, 21.02–21.05 N: holds S0 and S1

const id = (name: string) => `urn:ngsi-ld:Geo:${name}`;
const at = (name: string, type: string, location: Body | undefined, extra: Body = {}) =>
  entity(id(name), type, {
    ...(location ? { location: geoProperty(location) } : { label: property(name) }),
    ...extra,
  });

const places: Body[] = [
  at('S0', 'Spot', point(...CENTRE)),
  at('S1', 'Spot', point(105.86, 21.03)), // ~1 km east
  at('S2', 'Spot', point(105.9, 21.03)), // ~5 km east
  at('S3', 'Spot', point(106.85, 21.03)), // ~104 km east
  at('SN', 'Spot', undefined), // no location: never matches a geo-query
  at('Z1', 'Zone', ZONE),
  at('Z2', 'Zone', square(105.86, 21.04, 0.03)), // overlaps Z1's north-east corner
  at('Z3', 'Zone', square(106, 22, 0.01)), // far away
  at('ZM', 'Zone', {
    type: 'MultiPolygon',
    coordinates: [square(105.845, 21.025, 0.01).coordinates, square(106.5, 21.5, 0.01).coordinates],
  }),
  at('R1', 'Road', lineString([105.8, 21.03], [105.95, 21.03])), // crosses Z1
  at('R2', 'Road', lineString([106.0, 22.5], [106.1, 22.6])),
  at('MP', 'Cluster', { type: 'MultiPoint', coordinates: [CENTRE, [106.85, 21.03]] }),
  // A site whose location is far away but whose area lies inside ZONE.
  at('X1', 'Site', point(110, 10), { area: geoProperty(square(105.85, 21.03, 0.005)) }),
];

describe.each(testDrivers())('Geo-queries on %s', (driver) => {
  let t: TestBroker;
  let api: Client;
  beforeAll(async () => {
    t = await startTestBroker(driver);
    api = client(t);
    await api.seed(...places);
  });
  afterAll(() => t.close());

  const geo = (
    type: string,
    georel: string,
    geometry: string,
    coordinates: unknown,
    extra: Record<string, string> = {},
  ) => api.ids({ type, georel, geometry, coordinates: JSON.stringify(coordinates), ...extra });
  const names = (...list: string[]) => list.map(id);

  describe('near, in metres on the WGS 84 spheroid (§4.10)', () => {
    it('near;maxDistance keeps what lies within the distance', async () => {
      expect(await geo('Spot', 'near;maxDistance==2000', 'Point', CENTRE)).toEqual(
        names('S0', 'S1'),
      );
      expect(await geo('Spot', 'near;maxDistance==500', 'Point', CENTRE)).toEqual(names('S0'));
    });

    it('near;minDistance keeps what lies at least that far, never entities without the GeoProperty', async () => {
      expect(await geo('Spot', 'near;minDistance==2000', 'Point', CENTRE)).toEqual(
        names('S2', 'S3'),
      );
    });

    it('near with both distances keeps a ring (ADR: extension of the grammar)', async () => {
      expect(
        await geo('Spot', 'near;minDistance==2000;maxDistance==10000', 'Point', CENTRE),
      ).toEqual(names('S2'));
    });

    it('measures to the nearest point of lines and polygons', async () => {
      expect(await geo('Road,Zone', 'near;maxDistance==200', 'Point', [105.9, 21.031])).toEqual(
        names('R1'),
      );
      expect(await geo('Road,Zone', 'near;maxDistance==50', 'Point', [105.9, 21.031])).toEqual([]);
    });

    it('needs no type: a geo-query alone narrows the query enough (§5.7.2.4 d)', async () => {
      const response = await api.query({
        georel: 'near;maxDistance==10',
        geometry: 'Point',
        coordinates: JSON.stringify(CENTRE),
      });
      expect(response.status).toBe(200);
      expect((response.body as Body[]).map((item) => item.id)).toContain(id('S0'));
    });
  });

  describe('the other relations (§4.10, OGC Simple Features)', () => {
    it('within: points, and a polygon equal to the reference, lie within it', async () => {
      expect(await geo('Spot', 'within', 'Polygon', ZONE.coordinates)).toEqual(names('S0', 'S1'));
      expect(await geo('Zone', 'within', 'Polygon', ZONE.coordinates)).toEqual(names('Z1'));
    });

    it('within a MultiPolygon reference', async () => {
      const multi = [ZONE.coordinates, square(106.84, 21.02, 0.02).coordinates];
      expect(await geo('Spot', 'within', 'MultiPolygon', multi)).toEqual(names('S0', 'S1', 'S3'));
    });

    it('contains: polygons and multi-polygons that contain the reference point', async () => {
      expect(await geo('Zone', 'contains', 'Point', CENTRE)).toEqual(names('Z1', 'ZM'));
    });

    it('intersects: what a LineString crosses, and lines crossing a polygon', async () => {
      expect(
        await geo('Zone', 'intersects', 'LineString', [
          [105.8, 21.03],
          [105.95, 21.03],
        ]),
      ).toEqual(names('Z1', 'ZM'));
      expect(await geo('Road', 'intersects', 'Polygon', ZONE.coordinates)).toEqual(names('R1'));
      expect(
        await geo('Road', 'intersects', 'MultiLineString', [
          [
            [105.9, 21.0],
            [105.9, 21.1],
          ],
        ]),
      ).toEqual(names('R1'));
    });

    it('equals: the same geometry, Multi* included', async () => {
      expect(await geo('Spot', 'equals', 'Point', [105.86, 21.03])).toEqual(names('S1'));
      expect(await geo('Cluster', 'equals', 'MultiPoint', [CENTRE, [106.85, 21.03]])).toEqual(
        names('MP'),
      );
    });

    it('disjoint: what shares no point with the reference, never entities without the GeoProperty', async () => {
      expect(await geo('Spot', 'disjoint', 'Polygon', ZONE.coordinates)).toEqual(names('S2', 'S3'));
    });

    it('overlaps: same-dimension geometries sharing part of their interior', async () => {
      expect(await geo('Zone', 'overlaps', 'Polygon', ZONE.coordinates)).toEqual(names('Z2', 'ZM'));
    });
  });

  describe('geoproperty (§4.10)', () => {
    it('queries another GeoProperty than location', async () => {
      expect(
        await geo('Site', 'within', 'Polygon', ZONE.coordinates, { geoproperty: 'area' }),
      ).toEqual(names('X1'));
      expect(await geo('Site', 'within', 'Polygon', ZONE.coordinates)).toEqual([]);
    });

    it('follows updates of the GeoProperty (the spatial index is kept in step)', async () => {
      const other = client(t);
      await other.seed(at('MOVER', 'Spot', point(110, 10)));
      expect(
        await other.ids({
          type: 'Spot',
          georel: 'within',
          geometry: 'Polygon',
          coordinates: JSON.stringify(ZONE.coordinates),
        }),
      ).toEqual([]);
      const moved = await other.send(
        'PATCH',
        `/ngsi-ld/v1/entities/${encodeURIComponent(id('MOVER'))}/attrs`,
        {
          location: geoProperty(point(...CENTRE)),
        },
      );
      expect(moved.status).toBe(204);
      expect(
        await other.ids({
          type: 'Spot',
          georel: 'within',
          geometry: 'Polygon',
          coordinates: JSON.stringify(ZONE.coordinates),
        }),
      ).toEqual(names('MOVER'));
      await other.send(
        'DELETE',
        `/ngsi-ld/v1/entities/${encodeURIComponent(id('MOVER'))}/attrs/location`,
      );
      expect(
        await other.ids({
          type: 'Spot',
          georel: 'within',
          geometry: 'Polygon',
          coordinates: JSON.stringify(ZONE.coordinates),
        }),
      ).toEqual([]);
    });
  });

  describe('positions with an altitude (RFC 7946 §3.1.1)', () => {
    it('stores a Point with altitude and finds it by longitude and latitude', async () => {
      const other = client(t);
      const id = 'urn:ngsi-ld:Geo:drone';
      const created = await other.create(
        entity(id, 'Drone', {
          location: geoProperty({ type: 'Point', coordinates: [105.85, 21.03, 120] }),
        }),
      );
      expect(created.status, created.text).toBe(201);
      expect((await other.stored(id, {})).location).toEqual(
        geoProperty({ type: 'Point', coordinates: [105.85, 21.03, 120] }),
      );
      expect(
        await other.ids({
          type: 'Drone',
          georel: 'within',
          geometry: 'Polygon',
          coordinates: JSON.stringify(ZONE.coordinates),
        }),
      ).toEqual([id]);
      expect(
        await other.ids({
          type: 'Drone',
          georel: 'near;maxDistance==10',
          geometry: 'Point',
          coordinates: '[105.85,21.03,0]',
        }),
      ).toEqual([id]);
      expect(
        await other.ids({
          type: 'Drone',
          georel: 'equals',
          geometry: 'Point',
          coordinates: '[105.85,21.03]',
        }),
      ).toEqual([id]);
    });
  });

  describe('POST /entityOperations/query with geoQ (§5.2.13, §6.23)', () => {
    it('takes the coordinates as a JSON array', async () => {
      const response = await api.send('POST', `${BATCH}/query`, {
        type: 'Query',
        entities: [{ type: 'Spot' }],
        geoQ: { georel: 'near;maxDistance==2000', geometry: 'Point', coordinates: CENTRE },
      });
      expect(response.status).toBe(200);
      expect((response.body as Body[]).map((item) => item.id)).toEqual(names('S0', 'S1'));
    });
  });

  describe('invalid geo-queries answer 400 BadRequestData (§4.10, §5.7.2.4)', () => {
    it.each([
      ['georel without geometry and coordinates', { georel: 'within' }],
      ['geometry without georel', { geometry: 'Point', coordinates: '[1,2]' }],
      ['near without a distance', { georel: 'near', geometry: 'Point', coordinates: '[1,2]' }],
      [
        'a negative distance',
        { georel: 'near;maxDistance==-5', geometry: 'Point', coordinates: '[1,2]' },
      ],
      ['an unknown relation', { georel: 'around', geometry: 'Point', coordinates: '[1,2]' }],
      ['an unknown geometry type', { georel: 'within', geometry: 'Circle', coordinates: '[1,2]' }],
      [
        'coordinates that are not JSON',
        { georel: 'within', geometry: 'Polygon', coordinates: '[[1,2],' },
      ],
      [
        'a polygon ring that is not closed',
        { georel: 'within', geometry: 'Polygon', coordinates: '[[[0,0],[1,0],[1,1],[0,1]]]' },
      ],
      [
        'a longitude out of range',
        { georel: 'near;maxDistance==1', geometry: 'Point', coordinates: '[200,0]' },
      ],
      [
        'a geoproperty that is not an attribute name',
        { georel: 'within', geometry: 'Point', coordinates: '[1,2]', geoproperty: 'a b' },
      ],
      ['a geoproperty alone', { type: 'Spot', geoproperty: 'area' }],
    ])('%s', async (_case, query) => {
      expectProblem(await api.query(query), 400, 'BadRequestData');
    });
  });
});
