import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../testing/test-broker.js';
import { testDrivers, uniqueTenant } from '../testing/test-database.js';
import { schemaNameFor } from '../tenants/tenant-name.js';

/** Points scattered around a centre with a seeded PRNG, so every run sees the same city. */
function scatter(count: number, centre: [number, number], spreadDegrees: number, seed: number) {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return Array.from({ length: count }, (_, i) => ({
    id: `urn:ngsi-ld:Sensor:${String(i).padStart(5, '0')}`,
    type: 'Sensor',
    level: i % 10,
    location: {
      type: 'Point',
      coordinates: [
        centre[0] + (random() - 0.5) * spreadDegrees,
        centre[1] + (random() - 0.5) * spreadDegrees,
      ],
    },
  }));
}

describe.each(testDrivers())('nearest-first pages of near queries on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver);
  });
  afterAll(() => t.close());

  /** The ids a brute-force query over every row returns: all matches sorted by distance, then id. */
  async function bruteForce(
    tenant: string,
    lon: number,
    lat: number,
    max: number,
    levelBelow: number,
  ) {
    const { rows } = await t.broker.db.query<{ id: string }>(
      `select e.id from "${schemaNameFor(tenant)}".entity e join "${schemaNameFor(tenant)}".geo_attribute g on g.entity_id = e.id
       where public.ST_Distance(g.geom::public.geography, public.ST_SetSRID(public.ST_MakePoint($1, $2), 4326)::public.geography) <= $3
         and (e.attrs->'https://uri.etsi.org/ngsi-ld/default-context/level'->0->>'value')::int < $4
       order by public.ST_Distance(g.geom::public.geography, public.ST_SetSRID(public.ST_MakePoint($1, $2), 4326)::public.geography), e.id`,
      [lon, lat, max, levelBelow],
    );
    return rows.map((row) => row.id);
  }

  it.each([
    ['a mid-latitude city', [105.85, 21.03] as [number, number], 0.2, 9000],
    ['a city near the Arctic circle', [18.95, 69.65] as [number, number], 0.4, 8000],
  ])(
    'returns exactly the brute-force order in every page, for %s',
    async (_, centre, spread, max) => {
      const tenant = uniqueTenant('near');
      const entities = scatter(3000, centre, spread, 7);
      for (let i = 0; i < entities.length; i += 1000) {
        const response = await t.request('POST', '/ngsi-ld/v1/entityOperations/upsert', {
          headers: { 'ngsild-tenant': tenant },
          body: entities.slice(i, i + 1000),
        });
        expect(response.status).toBe(201);
      }
      const expected = await bruteForce(tenant, centre[0], centre[1], max, 3);
      expect(expected.length).toBeGreaterThan(200);

      const seen: string[] = [];
      for (let offset = 0; offset < expected.length + 100; offset += 97) {
        const response = await t.request('GET', '/ngsi-ld/v1/entities', {
          headers: { 'ngsild-tenant': tenant },
          query: {
            type: 'Sensor',
            q: 'level<3',
            georel: `near;maxDistance==${max}`,
            geometry: 'Point',
            coordinates: JSON.stringify(centre),
            limit: '97',
            offset: String(offset),
          },
        });
        expect(response.status).toBe(200);
        seen.push(...(response.body as { id: string }[]).map((entity) => entity.id));
      }
      expect(seen).toEqual(expected);
    },
  );
});
