import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import { client, entityUrl, expectProblem, urn, vehicle, type Body } from './builders.js';

describe.each(testDrivers())('Operability endpoints on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver);
  });
  afterAll(() => t.close());

  it('GET /health summarises the component and its checks', async () => {
    const response = await t.request('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      component: 'broker',
      version: expect.any(String),
      checks: { database: { ok: true } },
    });
  });

  it('GET /health/live answers without touching the database', async () => {
    const response = await t.request('GET', '/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('GET /health/ready checks the database', async () => {
    const response = await t.request('GET', '/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', checks: { database: { ok: true } } });
  });

  it('GET /version names component, version, commit and start time', async () => {
    const response = await t.request('GET', '/version');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      component: 'broker',
      version: expect.any(String),
      commit: expect.any(String),
      startedAt: expect.any(String),
    });
  });

  it('GET /metrics counts requests by route pattern (no ids in labels) and entities by tenant and type', async () => {
    const api = client(t);
    const id = urn();
    await api.seed(vehicle(id));
    await api.retrieve(id);
    await api.retrieve('urn:ngsi-ld:Vehicle:ghost');
    const response = await t.request('GET', '/metrics');
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^text\/plain/);
    const text = response.text;
    expect(text).toContain('legocity_broker_http_requests_total');
    expect(text).toMatch(
      /legocity_broker_http_requests_total\{[^}]*route="\/ngsi-ld\/v1\/entities\/:entityId"[^}]*status="404"[^}]*\}/,
    );
    expect(text).not.toContain(id);
    expect(text).not.toContain('ghost');
    expect(text).toMatch(
      new RegExp(
        `legocity_broker_entities\\{tenant="${api.tenant}",type="https://uri.etsi.org/ngsi-ld/default-context/Vehicle"\\} 1`,
      ),
    );
  });

  it('answers 405 with Allow to a write on an operability endpoint', async () => {
    const response = await t.request('POST', '/health', { body: {} });
    expectProblem(response, 405, 'MethodNotAllowed');
    expect(response.headers.allow).toBe('GET');
  });

  it('answers 400 to unknown query parameters on operability endpoints too', async () => {
    expectProblem(await t.request('GET', '/version?verbose=true'), 400, 'InvalidRequest');
  });

  it('keeps serving after an entity is deleted (smoke test of the whole cycle)', async () => {
    const api = client(t);
    const id = urn();
    await api.seed(vehicle(id));
    expect((await api.send('DELETE', entityUrl(id))).status).toBe(204);
    expect(((await t.request('GET', '/health/ready')).body as Body).status).toBe('ok');
  });
});
