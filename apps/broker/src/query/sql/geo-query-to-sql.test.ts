import { parseGeoQuery, type GeoQueryInput, type Geometry } from '@legocity/ngsi-ld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlParams } from '../../storage/sql-params.js';
import { testDrivers } from '../../testing/test-database.js';
import { geoQueryToSql } from './geo-query-to-sql.js';
import {
  expand,
  openSqlTestTenant,
  type SqlTestTenant,
  type TestEntity,
} from './sql-test-tenant.test-support.js';

const BERLIN = [13.405, 52.52];
const POTSDAM = [13.0645, 52.3906]; // about 27 km from BERLIN
const PARIS = [2.3522, 48.8566];
const point = (coordinates: number[]) => ({ type: 'Point', coordinates }) as Geometry;
const box = (west: number, south: number, east: number, north: number) => [
  [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ],
];
const AREA = box(13.0, 52.3, 13.8, 52.7);

const ENTITIES: TestEntity[] = [
  { id: 'urn:p:berlin', geo: [{ name: 'location', geometry: point(BERLIN) }] },
  { id: 'urn:p:potsdam', geo: [{ name: 'location', geometry: point(POTSDAM) }] },
  { id: 'urn:p:paris', geo: [{ name: 'location', geometry: point(PARIS) }] },
  {
    id: 'urn:p:area',
    geo: [{ name: 'location', geometry: { type: 'Polygon', coordinates: AREA } as Geometry }],
  },
  {
    id: 'urn:p:line',
    geo: [
      {
        name: 'location',
        geometry: {
          type: 'LineString',
          coordinates: [
            [13.2, 52.0],
            [13.6, 52.9],
          ],
        },
      },
    ],
  },
  {
    id: 'urn:p:multi',
    geo: [
      { name: 'location', geometry: point(PARIS) },
      { name: 'location', datasetId: 'urn:ngsi-ld:Dataset:2', geometry: point(BERLIN) },
    ],
  },
  {
    id: 'urn:p:obs',
    geo: [
      {
        name: 'observationSpace',
        geometry: { type: 'Polygon', coordinates: box(10, 50, 11, 51) } as Geometry,
      },
    ],
  },
];

function geoQuery(input: GeoQueryInput) {
  const parsed = parseGeoQuery(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

describe('geoQueryToSql', () => {
  it('writes near on the geography cast the expression index is built on', () => {
    const params = new SqlParams();
    const geo = geoQuery({
      georel: 'near;minDistance==10;maxDistance==20',
      geometry: 'Point',
      coordinates: [8, 40],
    });
    const sql = geoQueryToSql(geo, {
      entityIdColumn: 'e.id',
      geoTable: '"t"."geo_attribute"',
      expandAttribute: expand,
      params,
    });
    const reference = 'public.ST_SetSRID(public.ST_GeomFromGeoJSON($2::text), 4326)';
    expect(sql).toBe(
      'exists (select 1 from "t"."geo_attribute" g where g.entity_id = e.id and g.name = $1 and ' +
        `public.ST_DWithin(g.geom::public.geography, ${reference}::public.geography, $3::float8) and ` +
        `not public.ST_DWithin(g.geom::public.geography, ${reference}::public.geography, $4::float8))`,
    );
    expect(params.values).toEqual([
      expand('location'),
      '{"type":"Point","coordinates":[8,40]}',
      20,
      10,
    ]);
  });
});

describe.each(testDrivers())('geoQueryToSql on %s', (driver) => {
  let tenant: SqlTestTenant;

  beforeAll(async () => {
    tenant = await openSqlTestTenant(driver);
    await tenant.insert(ENTITIES);
  });

  afterAll(async () => {
    await tenant?.close();
  });

  async function select(input: GeoQueryInput): Promise<string[]> {
    const geo = geoQuery(input);
    return tenant.select((params) =>
      geoQueryToSql(geo, {
        entityIdColumn: 'e.id',
        geoTable: tenant.geoTable,
        expandAttribute: expand,
        params,
      }),
    );
  }

  it.each([
    ['near;maxDistance==1000', ['urn:p:area', 'urn:p:berlin', 'urn:p:multi']],
    [
      'near;maxDistance==30000',
      ['urn:p:area', 'urn:p:berlin', 'urn:p:line', 'urn:p:multi', 'urn:p:potsdam'],
    ],
    ['near;minDistance==100000', ['urn:p:multi', 'urn:p:paris']],
    ['near;minDistance==10000;maxDistance==30000', ['urn:p:potsdam']],
  ])('selects entities %s of a point, by any instance', async (georel, expected) => {
    expect(
      await select({ georel, geometry: 'Point', coordinates: JSON.stringify(BERLIN) }),
    ).toEqual(expected);
  });

  it.each([
    ['within', 'Polygon', AREA, ['urn:p:area', 'urn:p:berlin', 'urn:p:multi', 'urn:p:potsdam']],
    ['contains', 'Point', BERLIN, ['urn:p:area', 'urn:p:berlin', 'urn:p:multi']],
    [
      'intersects',
      'Polygon',
      AREA,
      ['urn:p:area', 'urn:p:berlin', 'urn:p:line', 'urn:p:multi', 'urn:p:potsdam'],
    ],
    ['equals', 'Point', PARIS, ['urn:p:multi', 'urn:p:paris']],
    ['disjoint', 'Polygon', AREA, ['urn:p:multi', 'urn:p:paris']],
    ['overlaps', 'Polygon', box(13.5, 52.5, 14.5, 53), ['urn:p:area']],
    [
      'intersects',
      'LineString',
      [
        [13.0, 52.52],
        [14.0, 52.52],
      ],
      ['urn:p:area', 'urn:p:berlin', 'urn:p:line', 'urn:p:multi'],
    ],
  ])(
    'selects entities whose location is %s the %s',
    async (georel, geometry, coordinates, expected) => {
      expect(await select({ georel, geometry, coordinates })).toEqual(expected);
    },
  );

  it('queries the GeoProperty named by geoproperty, and never entities without it', async () => {
    const coordinates = box(9, 49, 12, 52);
    expect(
      await select({
        georel: 'within',
        geometry: 'Polygon',
        coordinates,
        geoproperty: 'observationSpace',
      }),
    ).toEqual(['urn:p:obs']);
    expect(
      await select({
        georel: 'disjoint',
        geometry: 'Polygon',
        coordinates,
        geoproperty: 'operationSpace',
      }),
    ).toEqual([]);
  });
});
