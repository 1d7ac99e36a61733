/**
 * Access control across broker processes sharing one PostgreSQL (issue 3): one bootstrap key when
 * two brokers start at once, revocation refused by the other process within 5 s, and key rotation
 * under steady load without a single authentication failure.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, runBroker, waitReady, type RunningBroker } from './run-broker.js';

const postgresUrl = inject('postgresUrl');

async function start(databaseUrl: string): Promise<{ broker: RunningBroker; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'legocity-auth-'));
  const broker = runBroker({
    DATABASE_URL: databaseUrl,
    LEGOCITY_BROKER_PORT: freePort(),
    LEGOCITY_BROKER_DATA_DIR: dataDir,
    LEGOCITY_BROKER_LOG_LEVEL: 'warn',
    LEGOCITY_BROKER_DB_POOL_SIZE: '4',
  });
  return { broker, dataDir };
}

function send(broker: RunningBroker, key: string, method: string, path: string, body?: unknown) {
  return fetch(`${broker.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

// CI always has PostgreSQL (test/global-setup.ts refuses to run without it when CI=true).
describe.skipIf(!postgresUrl)('two broker processes on one PostgreSQL', () => {
  const database = `legocity_auth_${process.pid}_${Date.now()}`;
  let databaseUrl: string;
  let a: RunningBroker;
  let b: RunningBroker;
  const dataDirs = new Map<RunningBroker, string>();
  let adminKey: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = new URL(postgresUrl);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    // Both start at once on an empty database: exactly one may create the bootstrap key.
    const [first, second] = await Promise.all([start(databaseUrl), start(databaseUrl)]);
    a = first.broker;
    b = second.broker;
    dataDirs.set(a, first.dataDir).set(b, second.dataDir);
    await Promise.all([waitReady(a), waitReady(b)]);
  });

  afterAll(async () => {
    for (const broker of [a, b]) {
      if (!broker) continue;
      broker.child.kill('SIGTERM');
      await broker.exited;
      await rm(dataDirs.get(broker) ?? '', { recursive: true, force: true });
    }
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  });

  it('creates one bootstrap admin key when two processes start at once', async () => {
    const files = [a, b]
      .map((broker) => join(dataDirs.get(broker) ?? '', 'admin.key'))
      .filter((file) => existsSync(file));
    expect(files).toHaveLength(1);
    adminKey = (await readFile(files[0]!, 'utf8')).trim();
    const keys = (await (await send(a, adminKey, 'GET', '/admin/keys')).json()) as {
      name: string;
    }[];
    expect(keys.filter((key) => key.name.startsWith('bootstrap-admin'))).toHaveLength(1);
    expect((await send(b, adminKey, 'GET', '/admin/keys')).status).toBe(200);
  });

  it('refuses a key revoked on process A on process B within 5 s', async () => {
    const created = await send(a, adminKey, 'POST', '/admin/keys', {
      name: 'dashboard-reader',
      scopes: [{ access: 'read', tenants: ['*'] }],
    });
    const { id, key } = (await created.json()) as { id: string; key: string };
    expect((await send(b, key, 'GET', '/ngsi-ld/v1/types')).status).toBe(200);
    expect((await send(a, adminKey, 'POST', `/admin/keys/${id}/revoke`)).status).toBe(200);
    const revokedAt = Date.now();
    let status = 200;
    while (status !== 401 && Date.now() - revokedAt < 10_000) {
      status = (await send(b, key, 'GET', '/ngsi-ld/v1/types')).status;
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
  });

  it('rotates a key under steady load on both processes without one authentication failure', async () => {
    const created = await send(a, adminKey, 'POST', '/admin/keys', {
      name: 'weather-updater',
      scopes: [{ access: 'write', tenants: ['*'], entityTypes: ['WeatherObserved'] }],
    });
    const { id, key: first } = (await created.json()) as { id: string; key: string };
    let key = first;
    const statuses = new Map<number, number>();
    const stopAt = Date.now() + 4_000;
    const client = async (n: number) => {
      for (let i = 0; Date.now() < stopAt; i += 1) {
        const broker = i % 2 === 0 ? a : b;
        const response = await send(broker, key, 'POST', '/ngsi-ld/v1/entityOperations/upsert', [
          { id: `urn:ngsi-ld:WeatherObserved:${n}`, type: 'WeatherObserved', temperature: i },
        ]);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    };
    const rotate = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const rotated = await send(a, adminKey, 'POST', `/admin/keys/${id}/rotate`, {
        overlap: 'PT1M',
      });
      expect(rotated.status).toBe(200);
      // Clients switch at once: the new secret must work on B although B cached the old row.
      key = ((await rotated.json()) as { key: string }).key;
    };
    await Promise.all([client(1), client(2), rotate()]);
    expect(key).not.toBe(first);
    expect(statuses.get(401) ?? 0).toBe(0);
    expect([...statuses.keys()].every((status) => status === 201 || status === 204)).toBe(true);
    expect([...statuses.values()].reduce((sum, n) => sum + n, 0)).toBeGreaterThan(100);
  });
});
