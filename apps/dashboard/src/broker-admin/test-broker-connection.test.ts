import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../broker/src/testing/test-database.js';
import {
  addBroker,
  closedPortUrl,
  startListeningBroker,
  startTestDashboard,
  type ListeningBroker,
  type TestDashboard,
} from './broker-admin.test-support.js';
import { BrokerAdminError } from './broker-admin-errors.js';
import { testBrokerConnection, type ConnectionReport } from './test-broker-connection.js';

// Well-formed keys the broker never issued.
const UNKNOWN_KEY = `lgc_0123456789abcdef_${'x'.repeat(43)}`;

let dashboard: TestDashboard;
beforeAll(async () => {
  dashboard = await startTestDashboard();
});
afterAll(async () => {
  await dashboard?.payload.destroy();
});

function checksOf(report: ConnectionReport): Record<string, { ok: boolean; detail: string }> {
  return Object.fromEntries(report.checks.map(({ name, ok, detail }) => [name, { ok, detail }]));
}

describe.each(testDrivers())('testing a broker connection on %s', (driver) => {
  let broker: ListeningBroker;
  let secrets: string[];

  beforeAll(async () => {
    broker = await startListeningBroker(driver);
    secrets = [broker.readKey, broker.test.adminKey, UNKNOWN_KEY];
  });
  afterAll(async () => {
    await broker?.test.close();
  });

  function expectNoKey(value: unknown): void {
    const text = JSON.stringify(value);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/lgc_[0-9a-f]{16}_[A-Za-z0-9_-]{20,}/);
  }

  it('passes every check with a working read key and admin key', async () => {
    const id = await addBroker(dashboard.payload, {
      name: `ok-${driver}`,
      url: broker.address,
      tenant: broker.tenant,
      readKey: broker.readKey,
      adminKey: broker.test.adminKey,
    });
    const fresh = checksOf(await testBrokerConnection(dashboard.payload, id));
    expect(fresh['read key']).toEqual({
      ok: true,
      detail: `read key accepted; tenant '${broker.tenant}' has no data yet (never written to)`,
    });
    const written = await broker.test.request('POST', '/ngsi-ld/v1/entities', {
      headers: { authorization: `Bearer ${broker.test.adminKey}`, 'ngsild-tenant': broker.tenant },
      body: { id: 'urn:ngsi-ld:Sensor:connection-test', type: 'Sensor' },
    });
    expect(written.status, written.text).toBe(201);
    const report = await testBrokerConnection(dashboard.payload, id);
    expect(report.checks.map((check) => check.name)).toEqual([
      'reachable',
      'read key',
      'admin key',
      'latency',
    ]);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(checksOf(report)['read key']?.detail).toBe(
      `read key accepted for tenant '${broker.tenant}'`,
    );
    expect(checksOf(report).latency?.detail).toMatch(/^\d+ ms round trip/);
    expectNoKey(report);
  });

  it('reports a wrong read key and a wrong admin key as refused, naming neither', async () => {
    const id = await addBroker(dashboard.payload, {
      name: `wrong-keys-${driver}`,
      url: broker.address,
      tenant: broker.tenant,
      readKey: UNKNOWN_KEY,
      adminKey: broker.readKey,
    });
    const report = await testBrokerConnection(dashboard.payload, id);
    const checks = checksOf(report);
    expect(report.ok).toBe(false);
    expect(checks.reachable).toEqual({ ok: true, detail: 'broker is ready' });
    expect(checks['read key']).toEqual({ ok: false, detail: 'read key refused (401)' });
    expect(checks['admin key']).toEqual({
      ok: false,
      detail: 'admin key refused (403): it lacks the admin scope',
    });
    expectNoKey(report);
  });

  it('reports a read key of another tenant as refused for the broker tenant', async () => {
    const id = await addBroker(dashboard.payload, {
      name: `other-tenant-${driver}`,
      url: broker.address,
      tenant: `${broker.tenant}-other`,
      readKey: broker.readKey,
    });
    const checks = checksOf(await testBrokerConnection(dashboard.payload, id));
    expect(checks['read key']).toEqual({
      ok: false,
      detail: `read key refused for tenant '${broker.tenant}-other' (403)`,
    });
    expect(checks['admin key']).toEqual({
      ok: false,
      detail: 'no admin key configured (update-server keys unavailable)',
    });
  });

  it('reports a stopped broker as unreachable and skips the key checks', async () => {
    const id = await addBroker(dashboard.payload, {
      name: `stopped-${driver}`,
      url: await closedPortUrl(),
      readKey: broker.readKey,
      adminKey: broker.test.adminKey,
    });
    const report = await testBrokerConnection(dashboard.payload, id);
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual([
      { name: 'reachable', ok: false, detail: 'broker unreachable: connection refused' },
      { name: 'read key', ok: false, detail: 'not checked: broker unreachable' },
      { name: 'admin key', ok: false, detail: 'not checked: broker unreachable' },
      { name: 'latency', ok: false, detail: 'not checked: broker unreachable' },
    ]);
    expectNoKey(report);
  });
});

describe('testing a broker connection', () => {
  it('answers 404 for a broker that is not configured', async () => {
    const failure = await testBrokerConnection(dashboard.payload, 999_999).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(BrokerAdminError);
    expect(failure).toMatchObject({ kind: 'UnknownBroker', status: 404 });
  });

  it('reports a broker that does not answer in time', async () => {
    const id = await addBroker(dashboard.payload, {
      name: 'silent',
      url: 'http://127.0.0.1:9',
    });
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
      });
    const report = await testBrokerConnection(dashboard.payload, id, {
      fetchImpl: hanging,
      timeoutMs: 50,
    });
    expect(report.checks[0]).toEqual({
      name: 'reachable',
      ok: false,
      detail: 'broker did not answer within 0.05 s',
    });
  });
});
