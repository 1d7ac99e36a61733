import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers, uniqueTenant } from '../../apps/broker/src/testing/test-database.js';
import {
  ENTITIES,
  client,
  entityUrl,
  expectProblem,
  property,
  urn,
  vehicle,
  type Body,
} from './builders.js';

describe.each(testDrivers())('Tenants (§4.14, NGSILD-Tenant header §6.3.14) on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver);
  });
  afterAll(() => t.close());

  it('creates a tenant on its first write and echoes the NGSILD-Tenant header', async () => {
    const api = client(t);
    const id = urn();
    const response = await api.create(vehicle(id));
    expect(response.status).toBe(201);
    expect(response.headers['ngsild-tenant']).toBe(api.tenant);
    expect((await api.retrieve(id)).status).toBe(200);
  });

  it.each([
    ['Retrieve Entity', (id: string) => ['GET', entityUrl(id)]],
    ['Query Entities', () => ['GET', `${ENTITIES}?type=Vehicle`]],
    ['Delete Entity', (id: string) => ['DELETE', entityUrl(id)]],
    [
      'Update Attributes',
      (id: string) => ['PATCH', entityUrl(id, '/attrs'), { speed: property(1) }],
    ],
    ['Merge Entity', (id: string) => ['PATCH', entityUrl(id), { speed: 1 }]],
    ['entity types', () => ['GET', '/ngsi-ld/v1/types']],
    ['attributes', () => ['GET', '/ngsi-ld/v1/attributes']],
    ['Batch Entity Delete', (id: string) => ['POST', '/ngsi-ld/v1/entityOperations/delete', [id]]],
  ] as const)(
    'answers 404 NonexistentTenant to %s on a tenant never written to, and does not create it',
    async (_name, request) => {
      const api = client(t);
      const id = urn();
      const [method, url, body] = request(id) as [string, string, unknown];
      expectProblem(await api.send(method, url, body), 404, 'NonexistentTenant');
      expectProblem(await api.query({ type: 'Vehicle' }), 404, 'NonexistentTenant');
    },
  );

  it('does not create a tenant for a write that fails validation (bad input stores nothing)', async () => {
    const api = client(t);
    expectProblem(await api.create({ id: urn() }), 400, 'BadRequestData');
    expectProblem(await api.query({ type: 'Vehicle' }), 404, 'NonexistentTenant');
  });

  it('keeps tenants apart: the same id holds different entities, and queries and deletes stay in their tenant', async () => {
    const north = client(t);
    const south = client(t);
    const id = urn();
    await north.seed(vehicle(id, { speed: property(1) }));
    await south.seed(vehicle(id, { speed: property(2) }));
    expect((await north.stored(id, {})).speed).toEqual(property(1));
    expect((await south.stored(id, {})).speed).toEqual(property(2));
    expect(await north.ids({ type: 'Vehicle' })).toEqual([id]);
    expect((await north.send('DELETE', entityUrl(id))).status).toBe(204);
    expect((await south.stored(id, {})).speed).toEqual(property(2));
  });

  it('keeps the default tenant (no header) apart from named tenants', async () => {
    const named = client(t);
    const id = urn();
    await named.seed(vehicle(id));
    const response = await t.request('GET', entityUrl(id));
    expect(response.status).toBe(404);
    expect(response.headers['ngsild-tenant']).toBeUndefined();
  });

  it('treats tenant names as case-sensitive: City and city are two tenants', async () => {
    const base = uniqueTenant('case');
    const upper = client(t, `City-${base}`);
    const lower = client(t, `city-${base}`);
    const id = urn();
    await upper.seed(vehicle(id));
    expectProblem(await lower.retrieve(id), 404, 'NonexistentTenant');
  });

  it('creates the tenant from a batch write too', async () => {
    const api = client(t);
    const id = urn();
    expect((await api.batch('upsert', [vehicle(id)])).status).toBe(201);
    expect((await api.retrieve(id)).status).toBe(200);
  });

  it.each([
    ['spaces', 'city hall'],
    ['a leading symbol', '-city'],
    ['a slash', 'city/hall'],
    ['64 characters', 'a'.repeat(64)],
    ['an empty name', ''],
    ['quotes', 'city"; drop schema public; --'],
  ])(
    'answers 400 BadRequestData naming NGSILD-Tenant for a name with %s, and creates nothing (ADR 0003)',
    async (_case, tenant) => {
      const response = await t.request('POST', ENTITIES, {
        headers: { 'ngsild-tenant': tenant },
        body: vehicle(urn()),
      });
      const problem = expectProblem(response, 400, 'BadRequestData');
      expect(JSON.stringify(problem)).toContain('NGSILD-Tenant');
      // The empty name is the default tenant's, which always exists.
      const stored = await t.broker.db.query('select name from legocity.tenant where name = $1', [
        tenant,
      ]);
      expect(stored.rows).toHaveLength(tenant === '' ? 1 : 0);
    },
  );

  it('accepts names of 63 characters with letters, digits and _ . : -', async () => {
    const tenant = `a_b.c:d-${Date.now().toString(36)}`.padEnd(63, 'x');
    const response = await t.request('POST', ENTITIES, {
      headers: { 'ngsild-tenant': tenant },
      body: vehicle(urn()),
    });
    expect(response.status).toBe(201);
  });

  it('lists each tenant entity types only in that tenant (§4.14)', async () => {
    const a = client(t);
    const b = client(t);
    await a.seed({ id: urn('Tram'), type: 'Tram' });
    await b.seed(vehicle(urn()));
    expect(((await a.get('/ngsi-ld/v1/types')).body as Body).typeList).toEqual(['Tram']);
  });
});
