/**
 * The dashboard's read proxy against a real broker over HTTP: paging past the first page,
 * aggregation past the cap, bounding boxes, a broker outage as a clean 502, and live updates
 * through a real subscription.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrokerClient, type BrokerClient } from '@legocity/broker-client';
import {
  createLiveUpdates,
  createReadProxy,
  fetchLayer,
  NOTIFY_TOKEN_HEADER,
  problemFromError,
  type LayerConfig,
  type LiveUpdates,
} from '../../apps/dashboard/src/proxy/index.js';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers, uniqueTenant } from '../../apps/broker/src/testing/test-database.js';

const COUNT = 2_500;
// Coordinates off any round grid line, so no point sits on a cell edge (it would count twice).
const lonOf = (n: number) => 105.7 + ((n * 7_919) % 10_007) / 50_000 + 0.000013;
const latOf = (n: number) => 20.9 + ((n * 104_729) % 10_009) / 50_000 + 0.000017;
const sensor = (n: number) => ({
  id: `urn:ngsi-ld:Sensor:proxy-${String(n).padStart(5, '0')}`,
  type: 'Sensor',
  level: { type: 'Property', value: n },
  location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [lonOf(n), latOf(n)] } },
});

describe.each(testDrivers())('read proxy against the broker on %s', (driver) => {
  let broker: TestBroker;
  let address: string;
  let writer: BrokerClient;
  let layer: LayerConfig;
  let readKey: string;
  const tenant = uniqueTenant('proxy');

  async function createKey(name: string, scope: Record<string, unknown>): Promise<string> {
    const created = await broker.request('POST', '/admin/keys', {
      body: { name, scopes: [scope] },
    });
    expect(created.status, created.text).toBe(201);
    return (created.body as { key: string }).key;
  }

  beforeAll(async () => {
    broker = await startTestBroker(driver);
    address = await broker.broker.app.listen({ port: 0, host: '127.0.0.1' });
    readKey = await createKey('dashboard-read', { access: 'read', tenants: [tenant] });
    const writeKey = await createKey('proxy-writer', {
      access: 'write',
      tenants: [tenant],
      entityTypes: ['*'],
    });
    writer = createBrokerClient({ baseUrl: address, apiKey: writeKey, tenant });
    const all = Array.from({ length: COUNT }, (_, n) => sensor(n));
    for (let start = 0; start < COUNT; start += 1_000) {
      const result = await writer.upsertEntities(all.slice(start, start + 1_000), {
        mode: 'update',
      });
      expect(result.errors).toEqual([]);
    }
    layer = {
      id: 'sensors',
      broker: { url: address, tenant, readKey },
      entityType: 'Sensor',
      attributes: ['level'],
    };
  });
  afterAll(async () => {
    await broker.close();
  });

  it('returns every matching entity, paged through the broker, with its data age', async () => {
    const answer = await fetchLayer(layer, { bbox: undefined });
    expect(answer.aggregated).toBe(false);
    expect(answer.features).toHaveLength(COUNT);
    expect(new Set(answer.features.map((feature) => feature.id)).size).toBe(COUNT);
    expect(answer.features[0]).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point' },
      properties: { type: 'Sensor', level: expect.any(Number) },
    });
    expect(Date.parse(answer.dataAge.newestChangeAt ?? '')).toBeLessThanOrEqual(
      Date.parse(answer.dataAge.fetchedAt),
    );
  });

  it('answers counts per grid cell beyond the cap', async () => {
    const bbox = [105.7, 20.9, 105.95, 21.15] as const;
    const answer = await fetchLayer(layer, { bbox }, { cap: 1_000 });
    if (!answer.aggregated) throw new Error('expected an aggregated answer');
    expect(answer.total).toBe(COUNT);
    const counted = answer.features.reduce((sum, cell) => sum + cell.properties.count, 0);
    expect(counted).toBe(COUNT);
    expect(answer.features.length).toBeGreaterThan(10);
  });

  it('returns only the entities in the bounding box', async () => {
    const bbox = [105.75, 20.95, 105.8, 21.0] as const;
    const inside = Array.from({ length: COUNT }, (_, n) => n).filter(
      (n) =>
        lonOf(n) >= bbox[0] && lonOf(n) <= bbox[2] && latOf(n) >= bbox[1] && latOf(n) <= bbox[3],
    );
    expect(inside.length).toBeGreaterThan(0);
    const answer = await fetchLayer(layer, { bbox });
    expect(answer.features.map((feature) => feature.id).sort()).toEqual(
      inside.map((n) => sensor(n).id).sort(),
    );
  });

  it('answers a broker outage with a 502 problem that names neither key nor broker', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down: LayerConfig = {
      ...layer,
      broker: { ...layer.broker, url: `http://127.0.0.1:${port}` },
    };
    const proxy = createReadProxy({ findLayer: () => down });
    const answer = await proxy.readLayer({
      layerId: 'sensors',
      parameters: {},
      client: '203.0.113.9',
    });
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({ title: 'broker unreachable', status: 502 });
    const text = JSON.stringify(answer);
    for (const secret of [readKey, String(port), '127.0.0.1', address, 'ngsi-ld']) {
      expect(text).not.toContain(secret);
    }
  });

  describe('live updates', () => {
    let live: LiveUpdates;
    let server: Server;
    let notifyUrl: string;
    const answers: number[] = [];

    beforeAll(async () => {
      live = createLiveUpdates();
      server = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          let status = 204;
          try {
            const token = request.headers[NOTIFY_TOKEN_HEADER.toLowerCase()];
            const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            live.handleNotification(body, typeof token === 'string' ? token : undefined);
          } catch (error) {
            status = problemFromError(error).status;
          }
          answers.push(status);
          response.writeHead(status).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      notifyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/data/notify`;
    });
    afterAll(async () => {
      live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('carries a PATCH through the broker to a subscribed browser', async () => {
      const subscriptionId = await live.ensureSubscription(layer, notifyUrl);
      expect(await live.ensureSubscription(layer, notifyUrl)).toBe(subscriptionId);
      const frames: string[] = [];
      const unsubscribe = live.subscribeLayer('sensors', (frame) => frames.push(frame));
      const id = sensor(7).id;
      const patchedAt = Date.now();
      await writer.updateAttributes(id, { level: { type: 'Property', value: 4242 } });
      await expect
        .poll(() => frames.find((frame) => frame.includes('4242')), { timeout: 10_000 })
        .toBeDefined();
      const latencyMs = Date.now() - patchedAt;
      console.info(`read-proxy live update: broker PATCH → SSE frame in ${latencyMs} ms`);
      const frame = frames.find((candidate) => candidate.includes('4242'))!;
      expect(frame.startsWith('event: update\ndata: ')).toBe(true);
      const update = JSON.parse(frame.split('\n')[1]!.slice('data: '.length));
      expect(update).toMatchObject({
        layerId: 'sensors',
        features: [
          { id, type: 'Feature', geometry: { type: 'Point' }, properties: { level: 4242 } },
        ],
      });
      unsubscribe();
    });

    it('keeps one subscription per layer and refuses a notification without its token', async () => {
      const listed = await broker.request('GET', '/ngsi-ld/v1/subscriptions', {
        headers: { 'ngsild-tenant': tenant },
      });
      expect((listed.body as unknown[]).length).toBe(1);
      const forged = await fetch(notifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [NOTIFY_TOKEN_HEADER]: 'forged' },
        body: JSON.stringify({
          id: 'urn:ngsi-ld:Notification:x',
          type: 'Notification',
          subscriptionId: (listed.body as { id: string }[])[0]!.id,
          notifiedAt: new Date().toISOString(),
          data: [],
        }),
      });
      expect(forged.status).toBe(401);
    });
  });
});
