import { startTestBroker, type TestBroker } from '../../../broker/src/testing/test-broker.js';
import { testDrivers, uniqueTenant } from '../../../broker/src/testing/test-database.js';

/** A broker listening on a local port, with a tenant and a write key for the MQTT tests. */
export interface MqttTestBroker {
  url: string;
  tenant: string;
  writeKey: string;
  broker: TestBroker;
  /** GET a broker path in the tenant (admin key); JSON body and headers. */
  get(path: string): Promise<{ status: number; body: unknown; headers: Headers }>;
  close(): Promise<void>;
}

/**
 * Start a broker (PostgreSQL when the run has one, else embedded) on a port, and make a write key
 * scoped to `entityTypes` in a fresh tenant, as an operator would for an update server.
 * @example const broker = await startMqttTestBroker(['Counter']);
 */
export async function startMqttTestBroker(entityTypes: string[]): Promise<MqttTestBroker> {
  const drivers = testDrivers();
  const broker = await startTestBroker(drivers.includes('postgres') ? 'postgres' : 'pglite', {
    LEGOCITY_BROKER_TEMPORAL_MAX_INSTANCES: '100000',
  });
  const url = await broker.broker.app.listen({ port: 0, host: '127.0.0.1' });
  const tenant = uniqueTenant('mqtt');
  const created = await broker.request('POST', '/admin/keys', {
    body: { name: `mqtt-${tenant}`, scopes: [{ access: 'write', tenants: [tenant], entityTypes }] },
  });
  if (created.status !== 201 && created.status !== 200)
    throw new Error(`write key not created: ${created.status} ${created.text}`);
  const writeKey = (created.body as { key: string }).key;
  return {
    url,
    tenant,
    writeKey,
    broker,
    async get(path) {
      const response = await fetch(`${url}${path}`, {
        headers: { authorization: `Bearer ${broker.adminKey}`, 'ngsild-tenant': tenant },
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text ? JSON.parse(text) : undefined,
        headers: response.headers,
      };
    },
    close: () => broker.close(),
  };
}

/** Entities of a type in the test tenant (NGSILD-Results-Count). */
export async function countEntities(broker: MqttTestBroker, type: string): Promise<number> {
  const response = await broker.get(`/ngsi-ld/v1/entities?type=${type}&count=true&limit=0`);
  return Number(response.headers.get('ngsild-results-count'));
}

/** Every entity of a type, in the test tenant, keyValues with sysAttrs. */
export async function listEntities(
  broker: MqttTestBroker,
  type: string,
): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await broker.get(
      `/ngsi-ld/v1/entities?type=${type}&limit=1000&offset=${offset}&options=sysAttrs`,
    );
    const entities = page.body as Record<string, unknown>[];
    all.push(...entities);
    if (entities.length < 1000) return all;
  }
}
