/**
 * @legocity/updater-runtime against the real broker (issue 4): a polled source reads a local JSON
 * API and writes with a key scoped to its type; a broker outage loses nothing; a replay changes
 * nothing; a failing source turns late then down and says so once each. Here rather than in the
 * package because packages never import apps.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@legocity/observability';
import { createUpdater, type EntityContract, type PolledSource } from '@legocity/updater-runtime';
import { captureLines } from '../../packages/observability/src/logger/capture-lines.test-support.js';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { uniqueTenant } from '../../apps/broker/src/testing/test-database.js';

const contract: EntityContract = {
  type: 'WeatherObserved',
  version: '1.0.0',
  idPattern: 'urn:ngsi-ld:WeatherObserved:[a-z0-9-]+',
  attributes: [
    { name: 'temperature', kind: 'Property', valueType: 'number', unitCode: 'CEL', required: true },
    { name: 'location', kind: 'GeoProperty', geometry: ['Point'], required: true },
  ],
};

interface Reading {
  station: string;
  lon: number;
  lat: number;
  celsius: number;
  at: string;
}

/** A one-file source, as an integrator writes it. */
function weatherSource(
  apiUrl: () => string,
  overrides: Partial<PolledSource<Reading[]>> = {},
): PolledSource<Reading[]> {
  return {
    kind: 'polled',
    id: 'weather',
    title: 'Weather stations',
    entityTypes: ['WeatherObserved'],
    contracts: [contract],
    periodMs: 60_000,
    graceMs: 60_000,
    schedule: { every: 50 },
    fetch: async (context) =>
      (await context.get<Reading[]>(`${apiUrl()}/readings?appid=secret`)).body,
    transform: (readings) =>
      readings.map((r) => ({
        id: `urn:ngsi-ld:WeatherObserved:${r.station}`,
        type: 'WeatherObserved',
        temperature: { type: 'Property', value: r.celsius, unitCode: 'CEL', observedAt: r.at },
        location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [r.lon, r.lat] } },
      })),
    ...overrides,
  };
}

/** An HTTP server on a port of its own. */
async function listen(handler: Parameters<typeof createServer>[1], port = 0): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('updater runtime against the broker', () => {
  let t: TestBroker;
  let brokerUrl: string;
  let tenant: string;
  let writeKey: string;
  let dataDir: string;
  let readings: Reading[];
  let api: Server;

  beforeAll(async () => {
    t = await startTestBroker('pglite');
    brokerUrl = await t.broker.app.listen({ port: 0, host: '127.0.0.1' });
    tenant = uniqueTenant('updater');
    const created = await t.request('POST', '/admin/keys', {
      body: {
        name: uniqueTenant('weather-key'),
        scopes: [{ access: 'write', tenants: [tenant], entityTypes: ['WeatherObserved'] }],
      },
    });
    expect(created.status, created.text).toBe(201);
    writeKey = (created.body as { key: string }).key;
    dataDir = await mkdtemp(join(tmpdir(), 'legocity-updater-it-'));
    readings = Array.from({ length: 20 }, (_, i) => ({
      station: `ws-${i}`,
      lon: 105.8 + i / 100,
      lat: 21,
      celsius: 20 + i,
      at: '2025-01-01T10:00:00Z',
    }));
    api = await listen((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(readings));
    });
  });
  afterAll(async () => {
    await close(api);
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function entities() {
    const response = await t.request('GET', '/ngsi-ld/v1/entities', {
      headers: { authorization: `Bearer ${t.adminKey}`, 'ngsild-tenant': tenant },
      query: { type: 'WeatherObserved', options: 'sysAttrs', limit: '100' },
    });
    return response.body as Array<{
      id: string;
      modifiedAt: string;
      temperature: { value: number };
    }>;
  }

  it('writes, survives a 30 s broker outage, and ignores replays', async () => {
    // A proxy in front of the broker that can drop every connection: the broker "goes down".
    let isDown = false;
    const proxy = await listen((request, response) => {
      if (isDown) {
        request.socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(request.headers).filter(
            ([name]) => !['host', 'connection', 'content-length'].includes(name),
          ),
        ) as Record<string, string>;
        fetch(`${brokerUrl}${request.url}`, {
          method: request.method,
          headers,
          ...(chunks.length > 0 && { body: Buffer.concat(chunks) }),
        })
          .then(async (answer) => {
            response.writeHead(answer.status, {
              'content-type': answer.headers.get('content-type') ?? 'application/json',
            });
            response.end(Buffer.from(await answer.arrayBuffer()));
          })
          .catch(() => request.socket.destroy());
      });
    });
    const logger = createLogger({
      component: 'updaters',
      version: 't',
      commit: 't',
      level: 'silent',
    });
    const options = {
      sources: [weatherSource(() => urlOf(api))],
      broker: { url: urlOf(proxy), tenant, keyFor: () => writeKey, timeoutMs: 2_000 },
      dataDir,
      logger,
      writer: { retry: { baseDelayMs: 20, maxDelayMs: 200 } },
    };
    let updater = createUpdater(options);
    try {
      await updater.start();
      await until(async () => (await entities()).length === 20, 'the first 20 entities');
      const first = await entities();

      // Broker down for 30 s: new readings queue in the outbox.
      isDown = true;
      const downSince = Date.now();
      readings = readings.map((r) => ({
        ...r,
        celsius: r.celsius + 100,
        at: '2025-01-01T10:10:00Z',
      }));
      const retryableErrors = () =>
        Object.values(updater.report()[0]!.errors).reduce((sum, e) => sum + e.retryable, 0);
      await until(
        () => updater.report()[0]!.outbox.pending >= 20 && retryableErrors() > 0,
        'readings queued and write failures reported while the broker is down',
      );

      // Restart the updater while the broker is still down: the outbox is on disk.
      await updater.stop();
      updater = createUpdater(options);
      await updater.start();
      expect(updater.report()[0]!.outbox.pending).toBeGreaterThanOrEqual(20);

      // Broker back after 30 s: the outbox drains and every new value arrives.
      await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() - downSince)));
      expect(updater.report()[0]!.outbox.pending).toBeGreaterThanOrEqual(20);
      isDown = false;
      await until(() => updater.report()[0]!.outbox.pending === 0, 'the outbox to drain');
      const after = await entities();
      expect(after.map((e) => e.temperature.value).sort((a, b) => a - b)).toEqual(
        readings.map((r) => r.celsius).sort((a, b) => a - b),
      );
      expect(
        after.every((e) => first.find((f) => f.id === e.id)!.modifiedAt !== e.modifiedAt),
      ).toBe(true);

      // Replays (the API keeps answering the same readings) change nothing, also after a restart.
      await updater.stop();
      updater = createUpdater(options);
      await updater.start();
      await until(() => (updater.report()[0]!.lastRun?.unchanged ?? 0) === 20, 'a replayed run');
      const replayed = await entities();
      expect(replayed.map((e) => [e.id, e.modifiedAt]).sort()).toEqual(
        after.map((e) => [e.id, e.modifiedAt]).sort(),
      );
      expect(updater.report()[0]!.outbox.pending).toBe(0);
    } finally {
      await updater.stop();
      await close(proxy);
    }
  }, 90_000);

  it('turns a source whose fetch fails late then down, logging each once', async () => {
    const logs = captureLines();
    const logger = createLogger({
      component: 'updaters',
      version: 't',
      commit: 't',
      destination: logs.destination,
    });
    const failing = await listen((_request, response) => {
      response.writeHead(503).end();
    });
    const updater = createUpdater({
      sources: [
        weatherSource(() => urlOf(failing), {
          id: 'weather-failing',
          periodMs: 150,
          graceMs: 150,
          schedule: { every: 30 },
        }),
      ],
      broker: { url: brokerUrl, tenant, keyFor: () => writeKey },
      dataDir,
      logger,
      http: { retry: { attempts: 1 } },
    });
    try {
      await updater.start();
      await until(() => updater.report()[0]!.staleness === 'down', 'the source to be down');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const transitions = logs.lines
        .filter((line) => line.staleness !== undefined)
        .map((line) => [line.severity, line.staleness]);
      expect(transitions).toEqual([
        ['warn', 'late'],
        ['warn', 'down'],
      ]);
      expect(logs.text()).not.toContain('appid=secret');
    } finally {
      await updater.stop();
      await close(failing);
    }
  });
});
