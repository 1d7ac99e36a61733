/**
 * Notifications as operators depend on them: two broker processes sharing one PostgreSQL send
 * each change once, and a broker killed in the middle of a delivery delivers after its restart.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  startNotificationSink,
  type NotificationSink,
} from '../../apps/broker/src/testing/notification-sink.js';
import { freePort, runBroker, waitReady, type RunningBroker } from './run-broker.js';

const tenant = `proc-${process.pid}-${Date.now().toString(36)}`;
const headers = { 'content-type': 'application/json', 'ngsild-tenant': tenant };

async function post(broker: RunningBroker, path: string, body: unknown): Promise<Response> {
  const response = await fetch(`${broker.url}/ngsi-ld/v1${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  if (response.status >= 300)
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
}

const subscription = (uri: string) => ({
  type: 'Subscription',
  entities: [{ type: 'Sensor' }],
  notification: { endpoint: { uri } },
});

const stop = async (broker: RunningBroker | undefined) => {
  if (!broker || broker.child.exitCode !== null) return;
  broker.child.kill('SIGTERM');
  await broker.exited;
};

describe.runIf(inject('postgresUrl'))('two broker processes on one PostgreSQL', () => {
  let a: RunningBroker | undefined;
  let b: RunningBroker | undefined;
  let sink: NotificationSink;
  beforeAll(async () => {
    sink = await startNotificationSink();
    const env = {
      DATABASE_URL: inject('postgresUrl'),
      LEGOCITY_BROKER_AUTH: 'off',
      LEGOCITY_BROKER_DB_POOL_SIZE: '4',
    };
    a = runBroker({ ...env, LEGOCITY_BROKER_PORT: freePort() });
    b = runBroker({ ...env, LEGOCITY_BROKER_PORT: freePort() });
    await Promise.all([waitReady(a), waitReady(b)]);
  });
  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
    await sink.stop();
  });

  it('sends every change once, whichever process wrote it', async () => {
    await post(a!, '/subscriptions', subscription(sink.url));
    const ids = Array.from({ length: 200 }, (_, i) => `urn:ngsi-ld:Sensor:${tenant}-${i}`);
    await Promise.all(
      ids.map((id, i) =>
        post(i % 2 === 0 ? a! : b!, '/entities', {
          id,
          type: 'Sensor',
          level: { type: 'Property', value: i },
        }),
      ),
    );
    await sink.waitFor(() => sink.entities().length >= ids.length, 20_000);
    // Let any duplicate arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const received = sink.entities().map((entity) => entity.id as string);
    expect(received.length).toBe(ids.length);
    expect(new Set(received)).toEqual(new Set(ids));
  });
});

describe('a broker killed during a delivery', () => {
  let dataDir: string;
  let server: Server;
  let broker: RunningBroker | undefined;
  const bodies: string[] = [];
  let hangFirst = true;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'legocity-notify-'));
    await cp(inject('pgliteTemplate'), join(dataDir, 'pgdata'), { recursive: true });
    // The first request never gets an answer: the broker is killed while it waits.
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (hangFirst) {
          hangFirst = false;
          return;
        }
        bodies.push(body);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await stop(broker);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('delivers the notification after a restart (at least once, never lost)', async () => {
    const uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
    const env = {
      LEGOCITY_BROKER_DATA_DIR: dataDir,
      LEGOCITY_BROKER_PORT: freePort(),
      LEGOCITY_BROKER_AUTH: 'off',
      LEGOCITY_BROKER_NOTIFY_LEASE: '2s',
      LEGOCITY_BROKER_NOTIFY_TIMEOUT: '60s',
    };
    broker = runBroker(env);
    await waitReady(broker);
    await post(broker, '/subscriptions', subscription(uri));
    await post(broker, '/entities', {
      id: 'urn:ngsi-ld:Sensor:killed',
      type: 'Sensor',
      level: { type: 'Property', value: 7 },
    });
    await expect.poll(() => hangFirst, { timeout: 10_000 }).toBe(false);
    broker.child.kill('SIGKILL');
    await broker.exited;
    expect(bodies).toHaveLength(0);

    broker = runBroker(env);
    await waitReady(broker);
    await expect.poll(() => bodies.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(bodies[0]!).data[0]).toMatchObject({ id: 'urn:ngsi-ld:Sensor:killed' });
  });
});
