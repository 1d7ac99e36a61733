import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { getPayload, type Payload, type PayloadRequest } from 'payload';
import { startTestBroker, type TestBroker } from '../../../broker/src/testing/test-broker.js';
import { uniqueTenant, type DriverName } from '../../../broker/src/testing/test-database.js';
import { createPayloadConfig } from '../payload/create-payload-config.js';

export type Role = 'admin' | 'editor' | 'viewer';
export type User = NonNullable<PayloadRequest['user']>;

export const PASSWORD = 'correct horse battery staple';
const srcDir = fileURLToPath(new URL('..', import.meta.url));

/** The dashboard's CMS on in-memory SQLite, with one user per role. */
export interface TestDashboard {
  payload: Payload;
  config: ReturnType<typeof createPayloadConfig>;
  users: Record<Role, User>;
}

/**
 * Start the CMS (schema pushed, no migrations) with an admin, an editor and a viewer.
 * @example const dashboard = await startTestDashboard(); … await dashboard.payload.destroy();
 */
export async function startTestDashboard(): Promise<TestDashboard> {
  const config = createPayloadConfig({
    databaseUrl: ':memory:',
    dataDir: srcDir,
    secret: 'test-secret-not-for-production-broker-admin',
    srcDir,
    push: true,
  });
  const payload = await getPayload({ config });
  const users = {} as Record<Role, User>;
  for (const role of ['admin', 'editor', 'viewer'] as const) {
    const doc = await payload.create({
      collection: 'users',
      data: { email: `${role}@broker-admin.test`, password: PASSWORD, roles: [role] },
    });
    users[role] = { ...doc, collection: 'users' };
  }
  return { payload, config, users };
}

/** A real broker listening on 127.0.0.1, with a read key for a tenant of its own. */
export interface ListeningBroker {
  test: TestBroker;
  address: string;
  tenant: string;
  readKey: string;
}

/**
 * Start a broker on `driver` that listens on a free port, and create a read key for a fresh
 * tenant through its admin API.
 * @example const broker = await startListeningBroker('pglite'); … await broker.test.close();
 */
export async function startListeningBroker(driver: DriverName): Promise<ListeningBroker> {
  const test = await startTestBroker(driver);
  const address = await test.broker.app.listen({ port: 0, host: '127.0.0.1' });
  const tenant = uniqueTenant('keys');
  const created = await test.request('POST', '/admin/keys', {
    body: { name: uniqueName('dashboard-read'), scopes: [{ access: 'read', tenants: [tenant] }] },
  });
  if (created.status !== 201) throw new Error(`read key not created: ${created.text}`);
  return { test, address, tenant, readKey: (created.body as { key: string }).key };
}

/**
 * A key name no other test uses: key names are unique per broker database, and the PostgreSQL
 * tier shares one database between test files.
 * @example uniqueName('weather') // 'weather-4242-lx9k2-3'
 */
export function uniqueName(base: string): string {
  return uniqueTenant(base);
}

/**
 * Store a broker in the CMS as an admin would (keys sealed by the collection's hook).
 * @example const id = await addBroker(payload, { name: 'city', url, tenant, readKey, adminKey });
 */
export async function addBroker(
  payload: Payload,
  data: { name: string; url: string; tenant?: string; readKey?: string; adminKey?: string },
): Promise<number> {
  const doc = await payload.create({ collection: 'brokers', data });
  return doc.id;
}

/**
 * A URL on which nothing listens (a port just released).
 * @example const url = await closedPortUrl(); // 'http://127.0.0.1:40123'
 */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/**
 * An NGSI-LD entity of `type` with a unique id, for write checks.
 * @example await writeEntity(broker, key, 'WeatherObserved') // 201
 */
export async function writeEntity(
  broker: ListeningBroker,
  key: string,
  type: string,
): Promise<number> {
  writes += 1;
  const answer = await broker.test.request('POST', '/ngsi-ld/v1/entities', {
    headers: { authorization: `Bearer ${key}`, 'ngsild-tenant': broker.tenant },
    body: {
      id: `urn:ngsi-ld:${type}:admin-test-${process.pid}-${writes}`,
      type,
      temperature: { type: 'Property', value: 20 + writes },
    },
  });
  return answer.status;
}
let writes = 0;
