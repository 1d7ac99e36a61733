/**
 * Access control (issue 3): API keys with scopes, 401/403/429 as ProblemDetails, the admin API,
 * rotation, revocation, expiry, audit and logs that never hold a secret. On every storage driver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLines } from '../../packages/observability/src/logger/capture-lines.test-support.js';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers, uniqueTenant } from '../../apps/broker/src/testing/test-database.js';
import {
  BATCH,
  DEFAULT_VOCAB,
  ENTITIES,
  entity,
  entityUrl,
  expectProblem,
  property,
  urn,
  vehicle,
  type Body,
} from './builders.js';

const KEYS = '/admin/keys';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDrivers())('Access control with API keys on %s', (driver) => {
  let t: TestBroker;
  const logs = captureLines();
  const secrets: string[] = [];

  beforeAll(async () => {
    t = await startTestBroker(
      driver,
      { LEGOCITY_BROKER_LOG_LEVEL: 'debug' },
      { logDestination: logs.destination },
    );
  });
  afterAll(() => t.close());

  /** Create a key with the admin key; remember its secret to look for it in the logs. */
  async function createKey(body: Body): Promise<{ id: string; key: string }> {
    const response = await t.request('POST', KEYS, {
      body: { name: uniqueTenant('key'), ...body },
    });
    expect(response.status, response.text).toBe(201);
    const created = response.body as { id: string; key: string };
    secrets.push(created.key);
    return created;
  }

  /** A request sent with one key (Bearer) to one tenant. */
  function as(key: string, tenant?: string) {
    return (method: string, url: string, body?: unknown) =>
      t.request(method, url, {
        headers: { authorization: `Bearer ${key}`, ...(tenant ? { 'ngsild-tenant': tenant } : {}) },
        ...(body !== undefined ? { body } : {}),
      });
  }

  describe('authentication', () => {
    it('answers 401 with WWW-Authenticate: Bearer when a request has no key', async () => {
      const response = await t.request('GET', ENTITIES, {
        anonymous: true,
        query: { type: 'Vehicle' },
      });
      expectProblem(response, 401, 'Unauthorized');
      expect(response.headers['www-authenticate']).toBe('Bearer');
    });

    it('answers 401 to a malformed key, an unknown key and another scheme', async () => {
      const unknown = `lgc_0123456789abcdef_${'A'.repeat(43)}`;
      for (const authorization of ['Bearer nonsense', `Bearer ${unknown}`, 'Basic dXNlcjpwYXNz']) {
        const response = await t.request('GET', '/ngsi-ld/v1/types', {
          headers: { authorization },
        });
        expectProblem(response, 401, 'Unauthorized');
      }
    });

    it('accepts the key in X-API-Key too', async () => {
      const response = await t.request('GET', '/ngsi-ld/v1/types', {
        headers: { 'x-api-key': t.adminKey },
      });
      expect(response.status).toBe(200);
    });

    it('keeps health, metrics, version and the API docs open', async () => {
      for (const url of [
        '/health',
        '/health/live',
        '/health/ready',
        '/metrics',
        '/version',
        '/ngsi-ld/v1/openapi.json',
      ]) {
        const response = await t.request('GET', url, { anonymous: true });
        expect(response.status, url).toBe(200);
      }
    });

    it('shows auth in /health as a non-critical check', async () => {
      const response = await t.request('GET', '/health', { anonymous: true });
      expect((response.body as Body).checks).toMatchObject({
        auth: { ok: true, critical: false, detail: 'api-keys' },
      });
    });

    it('answers 401 to an expired key', async () => {
      const { key } = await createKey({
        scopes: [{ access: 'read', tenants: ['*'] }],
        expiresAt: new Date(Date.now() + 1500).toISOString(),
      });
      expect((await as(key)('GET', '/ngsi-ld/v1/types')).status).toBe(200);
      await sleep(1600);
      const response = await as(key)('GET', '/ngsi-ld/v1/types');
      expect(expectProblem(response, 401, 'Unauthorized').detail).toMatch(/expired/);
    });

    it('answers 401 to a revoked key at once, by POST …/revoke or DELETE', async () => {
      const first = await createKey({ scopes: [{ access: 'read', tenants: ['*'] }] });
      const second = await createKey({ scopes: [{ access: 'read', tenants: ['*'] }] });
      expect((await as(first.key)('GET', '/ngsi-ld/v1/types')).status).toBe(200);
      const revoked = await t.request('POST', `${KEYS}/${first.id}/revoke`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ id: first.id, status: 'revoked' });
      expect((await t.request('DELETE', `${KEYS}/${second.id}`)).status).toBe(204);
      for (const { key } of [first, second]) {
        const response = await as(key)('GET', '/ngsi-ld/v1/types');
        expect(expectProblem(response, 401, 'Unauthorized').detail).toMatch(/revoked/);
      }
    });
  });

  describe('scopes', () => {
    it('lets a read key read its tenants but not write them (403) nor read others (403)', async () => {
      const tenant = uniqueTenant('read');
      const id = urn();
      expect((await as(t.adminKey, tenant)('POST', ENTITIES, vehicle(id))).status).toBe(201);
      const { key } = await createKey({ scopes: [{ access: 'read', tenants: [tenant] }] });
      expect((await as(key, tenant)('GET', entityUrl(id))).status).toBe(200);
      expect(
        (
          await as(key, tenant)('POST', `${BATCH}/query`, {
            type: 'Query',
            entities: [{ type: 'Vehicle' }],
          })
        ).status,
      ).toBe(200);
      expectProblem(
        await as(key, tenant)('PATCH', entityUrl(id, '/attrs'), { speed: property(1) }),
        403,
        'Forbidden',
      );
      expectProblem(await as(key, tenant)('DELETE', entityUrl(id)), 403, 'Forbidden');
      expectProblem(await as(key)('GET', `${ENTITIES}?type=Vehicle`), 403, 'Forbidden');
      expectProblem(
        await as(key, uniqueTenant('other'))('GET', `${ENTITIES}?type=Vehicle`),
        403,
        'Forbidden',
      );
    });

    it('lets a write key write its types in its tenants, and read them', async () => {
      const tenant = uniqueTenant('write');
      const { key } = await createKey({
        scopes: [{ access: 'write', tenants: [tenant], entityTypes: ['Vehicle'] }],
      });
      const api = as(key, tenant);
      const id = urn();
      expect((await api('POST', ENTITIES, vehicle(id))).status).toBe(201);
      expect((await api('PATCH', entityUrl(id, '/attrs'), { speed: property(5) })).status).toBe(
        204,
      );
      expect((await api('GET', entityUrl(id))).status).toBe(200);
      expect((await api('DELETE', entityUrl(id))).status).toBe(204);
    });

    it('answers 403 naming the type when a write key creates an entity of another type', async () => {
      const tenant = uniqueTenant('write');
      const { key } = await createKey({
        scopes: [{ access: 'write', tenants: [tenant], entityTypes: ['Vehicle'] }],
      });
      const id = urn('Parking');
      const problem = expectProblem(
        await as(key, tenant)('POST', ENTITIES, entity(id, 'OffStreetParking')),
        403,
        'Forbidden',
      );
      expect(problem.detail).toContain(`${DEFAULT_VOCAB}OffStreetParking`);
      expect((await as(t.adminKey, tenant)('GET', entityUrl(id))).status).toBe(404);
    });

    it('refuses a PATCH on an existing entity of a foreign type and leaves it unchanged', async () => {
      const tenant = uniqueTenant('write');
      const id = urn('Parking');
      const admin = as(t.adminKey, tenant);
      expect(
        (await admin('POST', ENTITIES, entity(id, 'OffStreetParking', { spots: property(3) })))
          .status,
      ).toBe(201);
      const { key } = await createKey({
        scopes: [{ access: 'write', tenants: [tenant], entityTypes: ['Vehicle'] }],
      });
      const writer = as(key, tenant);
      for (const [method, url, body] of [
        ['PATCH', entityUrl(id, '/attrs'), { spots: property(99) }],
        ['POST', entityUrl(id, '/attrs'), { spots: property(99) }],
        ['PATCH', entityUrl(id), { spots: 99 }],
        ['PATCH', entityUrl(id, '/attrs/spots'), { value: 99 }],
        ['PUT', entityUrl(id), { type: 'Vehicle', spots: property(99) }],
        ['DELETE', entityUrl(id, '/attrs/spots'), undefined],
        ['DELETE', entityUrl(id), undefined],
      ] as const) {
        const problem = expectProblem(await writer(method, url, body), 403, 'Forbidden');
        expect(problem.detail, `${method} ${url}`).toContain('OffStreetParking');
      }
      const stored = (await admin('GET', entityUrl(id))).body as Body;
      expect(stored.spots).toMatchObject({ value: 3 });
      expect(stored.type).toBe('OffStreetParking');
    });

    it('gives a foreign entity its own 403 entry in a batch and applies the allowed ones', async () => {
      const tenant = uniqueTenant('batch');
      const { key } = await createKey({
        scopes: [{ access: 'write', tenants: [tenant], entityTypes: ['Vehicle'] }],
      });
      const writer = as(key, tenant);
      const admin = as(t.adminKey, tenant);
      const allowed = urn();
      const foreign = urn('Parking');
      const created = await writer('POST', `${BATCH}/create`, [
        vehicle(allowed),
        entity(foreign, 'OffStreetParking'),
      ]);
      expect(created.status).toBe(207);
      const result = created.body as {
        success: string[];
        errors: { entityId: string; error: Body }[];
      };
      expect(result.success).toEqual([allowed]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ entityId: foreign, error: { status: 403 } });
      expect(String(result.errors[0]?.error.detail)).toContain('OffStreetParking');

      const existing = urn('Parking');
      expect(
        (
          await admin(
            'POST',
            ENTITIES,
            entity(existing, 'OffStreetParking', { spots: property(1) }),
          )
        ).status,
      ).toBe(201);
      for (const op of ['upsert', 'update', 'merge']) {
        const body =
          op === 'upsert'
            ? [
                vehicle(allowed, { speed: property(7) }),
                entity(existing, 'OffStreetParking', { spots: property(9) }),
              ]
            : [
                { id: allowed, speed: property(7) },
                { id: existing, spots: property(9) },
              ];
        const response = await writer('POST', `${BATCH}/${op}`, body);
        expect(response.status, op).toBe(207);
        const outcome = response.body as {
          success: string[];
          errors: { entityId: string; error: Body }[];
        };
        expect(outcome.success, op).toEqual([allowed]);
        expect(
          outcome.errors.map((e) => [e.entityId, e.error.status]),
          op,
        ).toEqual([[existing, 403]]);
      }
      const deleted = await writer('POST', `${BATCH}/delete`, [allowed, existing]);
      expect(deleted.status).toBe(207);
      expect((deleted.body as { success: string[] }).success).toEqual([allowed]);
      expect(((await admin('GET', entityUrl(existing))).body as Body).spots).toMatchObject({
        value: 1,
      });
    });

    it('refuses a write key on a tenant outside its list (403) and allows "*" types and tenants', async () => {
      const tenant = uniqueTenant('write');
      const narrow = await createKey({
        scopes: [{ access: 'write', tenants: [tenant], entityTypes: ['*'] }],
      });
      expectProblem(
        await as(narrow.key, uniqueTenant('other'))('POST', ENTITIES, vehicle(urn())),
        403,
        'Forbidden',
      );
      expect(
        (await as(narrow.key, tenant)('POST', ENTITIES, entity(urn('Any'), 'AnyType'))).status,
      ).toBe(201);
      const wide = await createKey({
        scopes: [{ access: 'write', tenants: ['*'], entityTypes: [`${DEFAULT_VOCAB}Vehicle`] }],
      });
      expect(
        (await as(wide.key, uniqueTenant('any'))('POST', ENTITIES, vehicle(urn()))).status,
      ).toBe(201);
    });

    it('maps "default" in a scope to the default tenant', async () => {
      const { key } = await createKey({
        scopes: [{ access: 'write', tenants: ['default'], entityTypes: ['Vehicle'] }],
      });
      expect((await as(key)('POST', ENTITIES, vehicle(urn()))).status).toBe(201);
    });

    it('keeps the admin API to admin keys', async () => {
      const { key } = await createKey({
        scopes: [{ access: 'write', tenants: ['*'], entityTypes: ['*'] }],
      });
      expectProblem(await as(key)('GET', KEYS), 403, 'Forbidden');
      expectProblem(await as(key)('GET', '/admin/audit'), 403, 'Forbidden');
    });

    it('answers 429 with Retry-After when a key is over its rate', async () => {
      const { key } = await createKey({
        scopes: [{ access: 'read', tenants: ['*'] }],
        rateLimit: 1,
      });
      expect((await as(key)('GET', '/ngsi-ld/v1/types')).status).toBe(200);
      const response = await as(key)('GET', '/ngsi-ld/v1/types');
      expectProblem(response, 429, 'TooManyRequests');
      expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    });
  });

  describe('the admin API', () => {
    it('creates a key, shows its secret once, and lists it without any secret', async () => {
      const tenant = uniqueTenant('admin');
      const created = await t.request('POST', KEYS, {
        body: {
          name: `weather-${tenant}`,
          scopes: [{ access: 'write', tenants: [tenant], entityTypes: ['WeatherObserved'] }],
        },
      });
      expect(created.status).toBe(201);
      const body = created.body as Body;
      secrets.push(String(body.key));
      expect(body).toMatchObject({
        name: `weather-${tenant}`,
        status: 'active',
        expiresAt: null,
        revokedAt: null,
      });
      expect(String(body.key)).toMatch(new RegExp(`^lgc_${String(body.id)}_[A-Za-z0-9_-]{43}$`));
      expect(created.headers.location).toBe(`${KEYS}/${String(body.id)}`);
      const listed = await t.request('GET', KEYS);
      expect(listed.text).not.toContain(String(body.key).slice('lgc_0123456789abcdef_'.length));
      expect((listed.body as Body[]).some((key) => key.id === body.id && !('key' in key))).toBe(
        true,
      );
      const one = await t.request('GET', `${KEYS}/${String(body.id)}`);
      expect(one.body).toMatchObject({ id: body.id, scopes: [{ access: 'write' }] });
      expect(one.body).not.toHaveProperty('key');
    });

    it('refuses invalid bodies naming every field and rule, and unknown fields', async () => {
      const response = await t.request('POST', KEYS, {
        body: {
          name: '',
          scopes: [{ access: 'write', tenants: ['bad tenant!'] }, { access: 'owner' }],
          expiresAt: 'tomorrow',
          colour: 'red',
        },
      });
      const problem = expectProblem(response, 400, 'BadRequestData');
      const fields = (problem.problems as { field: string }[]).map((p) => p.field).sort();
      expect(fields).toEqual(
        [
          'colour',
          'expiresAt',
          'name',
          'scopes[0].entityTypes',
          'scopes[0].tenants[0]',
          'scopes[1].access',
        ].sort(),
      );
      expectProblem(
        await t.request('POST', KEYS, { body: { name: 'x', scopes: [] } }),
        400,
        'BadRequestData',
      );
      expectProblem(
        await t.request('POST', KEYS, {
          body: { name: 'x', scopes: [{ access: 'admin', tenants: ['*'] }] },
        }),
        400,
        'BadRequestData',
      );
      expectProblem(
        await t.request('POST', `${KEYS}/0123456789abcdef/rotate`, { body: { overlap: 'soon' } }),
        400,
        'BadRequestData',
      );
      expectProblem(
        await t.request('GET', '/admin/audit', { query: { limit: '0' } }),
        400,
        'BadRequestData',
      );
    });

    it('answers 409 for a name a live key has, and 404 for an unknown key', async () => {
      const name = uniqueTenant('dup');
      await createKey({ name, scopes: [{ access: 'admin' }] });
      expectProblem(
        await t.request('POST', KEYS, { body: { name, scopes: [{ access: 'admin' }] } }),
        409,
        'AlreadyExists',
      );
      expectProblem(await t.request('GET', `${KEYS}/0123456789abcdef`), 404, 'ResourceNotFound');
      expectProblem(
        await t.request('POST', `${KEYS}/0123456789abcdef/revoke`),
        404,
        'ResourceNotFound',
      );
      expectProblem(await t.request('GET', `${KEYS}/not-a-key`), 400, 'BadRequestData');
    });

    it('rotates a key: both secrets work during the overlap, then only the new one', async () => {
      const { id, key: old } = await createKey({ scopes: [{ access: 'read', tenants: ['*'] }] });
      const rotated = await t.request('POST', `${KEYS}/${id}/rotate`, { body: { overlap: 1 } });
      expect(rotated.status, rotated.text).toBe(200);
      const fresh = String((rotated.body as Body).key);
      secrets.push(fresh);
      expect(fresh).not.toBe(old);
      expect((rotated.body as Body).previousSecretValidUntil).toEqual(expect.any(String));
      expect((await as(old)('GET', '/ngsi-ld/v1/types')).status).toBe(200);
      expect((await as(fresh)('GET', '/ngsi-ld/v1/types')).status).toBe(200);
      await sleep(1100);
      expectProblem(await as(old)('GET', '/ngsi-ld/v1/types'), 401, 'Unauthorized');
      expect((await as(fresh)('GET', '/ngsi-ld/v1/types')).status).toBe(200);
    });

    it('records key changes and denied requests in the audit log, and last use', async () => {
      const { id, key } = await createKey({ scopes: [{ access: 'read', tenants: ['*'] }] });
      expect((await as(key)('GET', '/ngsi-ld/v1/types')).status).toBe(200);
      expectProblem(await as(key)('DELETE', entityUrl(urn())), 403, 'Forbidden');
      await t.request('POST', `${KEYS}/${id}/rotate`, { body: {} });
      await t.request('POST', `${KEYS}/${id}/revoke`);
      await sleep(200);
      const events: Body[] = [];
      for (let after = '0'; ;) {
        const page = (await t.request('GET', '/admin/audit', { query: { after, limit: '1000' } }))
          .body as Body[];
        events.push(...page);
        if (page.length < 1000) break;
        after = String(page[page.length - 1]?.id);
      }
      const about = events.filter((event) => event.target === id || event.actorKeyId === id);
      expect(about.map((event) => event.action)).toEqual([
        'key.created',
        'request.denied',
        'key.rotated',
        'key.revoked',
      ]);
      expect(about[1]).toMatchObject({
        outcome: 'denied',
        detail: { reason: 'scope', status: 403, count: 1 },
      });
      expect(
        events.some(
          (event) => event.action === 'request.denied' && (event.detail as Body).status === 401,
        ),
      ).toBe(true);
      expect(((await t.request('GET', `${KEYS}/${id}`)).body as Body).lastUsedAt).toEqual(
        expect.any(String),
      );
    });

    it('counts refusals by reason in the metrics', async () => {
      const metrics = await t.request('GET', '/metrics', { anonymous: true });
      expect(metrics.text).toMatch(/legocity_broker_auth_failures_total\{reason="missing"\} \d+/);
    });
  });

  it('never writes a key or secret to the log', () => {
    expect(secrets.length).toBeGreaterThan(5);
    const text = logs.text();
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [...secrets, t.adminKey]) {
      expect(text).not.toContain(secret.slice('lgc_0123456789abcdef_'.length));
    }
  });
});

describe.each(testDrivers())('Access control turned off on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver, { LEGOCITY_BROKER_AUTH: 'off' });
  });
  afterAll(() => t.close());

  it('serves requests without a key and says "disabled" in /health', async () => {
    const tenant = uniqueTenant('open');
    const response = await t.request('POST', ENTITIES, {
      anonymous: true,
      headers: { 'ngsild-tenant': tenant },
      body: vehicle(urn()),
    });
    expect(response.status).toBe(201);
    const health = await t.request('GET', '/health', { anonymous: true });
    expect(health.status).toBe(200);
    expect((health.body as Body).checks).toMatchObject({
      auth: { ok: false, critical: false, detail: 'disabled' },
    });
  });
});
