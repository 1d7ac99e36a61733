/**
 * The dashboard's data routes (the browser's only way to broker data) against a real broker and a
 * real CMS (Payload on in-memory SQLite), seeded with the demo content: layer pages, access by
 * role and publication, history for the detail panel, the time slider's replay, KPI/table/time-
 * series blocks, live updates through a real broker subscription, and the demo seed itself.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getPayload, type Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrokerClient, type BrokerClient } from '@legocity/broker-client';
import { startTestBroker, type TestBroker } from '../../../broker/src/testing/test-broker.js';
import { testDrivers } from '../../../broker/src/testing/test-database.js';
import { createPayloadConfig } from '../payload/create-payload-config.js';
import { blockData } from './block-data.js';
import type { DataContext } from './data-context.js';
import { createDataServices } from './data-services.js';
import { layerData } from './layer-data.js';
import { layerHistory } from './layer-history.js';
import { layerLive } from './layer-live.js';
import { layerReplay } from './layer-replay.js';
import { notify } from './notify.js';
import { seedDemo } from '../seed/seed-demo.js';
import { migrateCms } from './migrate-cms.js';
import type { MapView, Page } from '../payload-types.js';

const srcDir = fileURLToPath(new URL('../', import.meta.url));
const HOUR = 3_600_000;
const STATIONS = 6;
type Reader = DataContext['reader'];

// Station 0 is the one the demo's operations page charts.
const airStation = (n: number, pm25: number, at: Date) => ({
  id: `urn:ngsi-ld:AirQualityObserved:danang-${n === 0 ? 'hai-chau' : `test-${n}`}`,
  type: 'AirQualityObserved',
  name: { type: 'Property', value: `Station ${n}` },
  pm25: { type: 'Property', value: pm25, observedAt: at.toISOString() },
  location: {
    type: 'GeoProperty',
    value: { type: 'Point', coordinates: [108.2 + n / 100, 16.05 + n / 200] },
  },
});

describe.each(testDrivers())('dashboard data routes against the broker on %s', (driver) => {
  let broker: TestBroker;
  let address: string;
  let writer: BrokerClient;
  let payload: Payload;
  let admin: NonNullable<Reader>;
  let dataDir: string;
  let notifyServer: Server;
  let services: ReturnType<typeof createDataServices>;
  let mapView: MapView;
  let home: Page;
  let operations: Page;
  const now = new Date();

  const context = (reader: Reader = null): DataContext => ({
    payload,
    reader,
    services,
    client: 'test-client',
  });
  const layerIdOf = (entityType: string) =>
    mapView.layers!.find((layer) => layer.entityType === entityType)!.id!;
  const blockIdOf = (page: Page, blockType: string, index = 0) =>
    page.blocks!.filter((block) => block.blockType === blockType)[index]!.id!;
  const json = async (response: Response) => ({
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  });

  beforeAll(async () => {
    broker = await startTestBroker(driver);
    address = await broker.broker.app.listen({ port: 0, host: '127.0.0.1' });
    const created = await broker.request('POST', '/admin/keys', {
      body: {
        name: 'writer',
        scopes: [{ access: 'write', tenants: ['default'], entityTypes: ['*'] }],
      },
    });
    writer = createBrokerClient({
      baseUrl: address,
      apiKey: (created.body as { key: string }).key,
    });
    // Four hourly observations per station: history for the chart and the time slider.
    for (let hoursAgo = 3; hoursAgo >= 0; hoursAgo -= 1) {
      const at = new Date(now.getTime() - hoursAgo * HOUR);
      const stations = Array.from({ length: STATIONS }, (_, n) =>
        airStation(n, 10 * n + hoursAgo, at),
      );
      const result = await writer.upsertEntities(stations, { mode: 'update' });
      expect(result.errors).toEqual([]);
    }
    const hospital = {
      id: 'urn:ngsi-ld:MedicalFacility:danang-test',
      type: 'MedicalFacility',
      name: { type: 'Property', value: '<b>Bệnh viện</b>' },
      availableBedNumber: { type: 'Property', value: 40 },
      totalBedNumber: { type: 'Property', value: 100 },
      location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [108.21, 16.06] } },
    };
    expect((await writer.upsertEntities([hospital])).errors).toEqual([]);

    // A Payload of its own per driver (getPayload caches one instance per key).
    dataDir = mkdtempSync(join(tmpdir(), 'legocity-dashboard-data-'));
    payload = await getPayload({
      key: `data-routes-${driver}`,
      config: createPayloadConfig({
        // A file of its own per driver: a second in-memory CMS in one process gets no schema.
        databaseUrl: `file:${join(dataDir, 'payload.db')}`,
        dataDir: srcDir,
        secret: `dashboard-data-test-secret-${driver}`,
        srcDir,
        push: false,
      }),
    });
    await migrateCms(payload);
    const seeded = await seedDemo(payload, {
      brokerUrl: address,
      brokerAdminKey: broker.adminKey,
      adminEmail: 'admin@example.test',
      dataDir,
    });
    expect(seeded.seeded).toBe(true);
    const users = await payload.find({ collection: 'users', overrideAccess: true });
    admin = { ...users.docs[0]!, collection: 'users' };
    mapView = (await payload.find({ collection: 'map-views', overrideAccess: true }))
      .docs[0] as MapView;
    const pages = (await payload.find({ collection: 'pages', overrideAccess: true })).docs;
    home = pages.find((page) => page.slug === 'home')!;
    operations = pages.find((page) => page.slug === 'operations')!;

    notifyServer = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers))
          if (typeof value === 'string') headers.set(name, value);
        const forwarded = new Request('http://dashboard.test/api/data/notify', {
          method: 'POST',
          headers,
          body: Buffer.concat(chunks),
        });
        void notify(services.live, forwarded).then(async (answer) => {
          response.writeHead(answer.status).end(await answer.text());
        });
      });
    });
    await new Promise<void>((resolve) => notifyServer.listen(0, '127.0.0.1', resolve));
    services = createDataServices({
      tokenSecret: 'test-token-secret',
      notifyUrl: `http://127.0.0.1:${(notifyServer.address() as AddressInfo).port}/api/data/notify`,
    });
  });

  afterAll(async () => {
    services?.live.close();
    notifyServer?.closeAllConnections();
    await new Promise<void>((resolve) =>
      notifyServer ? notifyServer.close(() => resolve()) : resolve(),
    );
    await payload?.destroy();
    await broker?.close();
  });

  it('seeds the first admin with a 0600 password file, and seeds only once', async () => {
    const file = join(dataDir, 'admin-password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    const login = await payload.login({
      collection: 'users',
      data: { email: 'admin@example.test', password },
    });
    expect(login.user?.roles).toEqual(['admin']);
    const again = await seedDemo(payload, {
      brokerUrl: address,
      brokerAdminKey: broker.adminKey,
      adminEmail: 'admin@example.test',
      dataDir,
    });
    expect(again).toEqual({ seeded: false, admin: undefined });
    expect((await payload.count({ collection: 'map-views', overrideAccess: true })).totalDocs).toBe(
      1,
    );
  });

  it('answers every entity of a public layer to anonymous visitors, cacheable, without broker details', async () => {
    const { status, headers, body } = await json(
      await layerData(context(), layerIdOf('AirQualityObserved'), new URLSearchParams()),
    );
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('public, max-age=5');
    expect(body).toMatchObject({
      type: 'FeatureCollection',
      aggregated: false,
      total: STATIONS,
      nextPage: null,
    });
    const text = JSON.stringify(body);
    expect(text).not.toContain(address);
    expect(text).not.toContain(broker.adminKey);
  });

  it('hides private map views from anonymous visitors and serves them privately to staff', async () => {
    const privateView = await payload.create({
      collection: 'map-views',
      data: {
        title: 'Private',
        slug: 'private-view',
        public: false,
        centre: { lon: 108.2, lat: 16.05, zoom: 12 },
        basemapStyle: 'offline',
        layers: [
          {
            label: 'Hospitals',
            broker: mapView.layers![0]!.broker,
            entityType: 'MedicalFacility',
            style: 'points',
            refresh: 'interval',
          },
        ],
      },
      overrideAccess: true,
    });
    const layerId = privateView.layers![0]!.id!;
    const anonymous = await json(await layerData(context(), layerId, new URLSearchParams()));
    expect(anonymous.status).toBe(404);
    const staff = await json(await layerData(context(admin), layerId, new URLSearchParams()));
    expect(staff.status).toBe(200);
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
    expect(staff.body.total).toBe(1);
  });

  it('refuses parameters outside the whitelist, naming each', async () => {
    const layerId = layerIdOf('AirQualityObserved');
    const answer = await json(
      await layerData(context(), layerId, new URLSearchParams({ q: 'pm25>0', page: '-1' })),
    );
    expect(answer.status).toBe(400);
    expect(String(answer.body.detail)).toMatch(/q: .*page: /s);
    const history = await json(
      await layerHistory(
        context(),
        layerId,
        new URLSearchParams({ entity: 'not a uri', url: 'x' }),
      ),
    );
    expect(history.status).toBe(400);
    expect(String(history.body.detail)).toContain('url: is not a parameter here');
    expect(String(history.body.detail)).toContain('entity: must be an entity id');
    expect(String(history.body.detail)).toContain('attribute: is required');
  });

  it('answers an entity history of the layer in 15-minute periods, and nothing of other entities', async () => {
    const layerId = layerIdOf('AirQualityObserved');
    const entity = 'urn:ngsi-ld:AirQualityObserved:danang-test-2';
    const { status, body } = await json(
      await layerHistory(
        context(),
        layerId,
        new URLSearchParams({ entity, attribute: 'pm25', hours: '6' }),
      ),
    );
    expect(status).toBe(200);
    const values = (body.points as [string, number][]).map(([, value]) => value);
    expect(values).toEqual([23, 22, 21, 20]);
    const other = await layerHistory(
      context(),
      layerId,
      new URLSearchParams({ entity: 'urn:ngsi-ld:MedicalFacility:danang-test', attribute: 'name' }),
    );
    expect(other.status).toBe(404);
  });

  it('answers the hourly values of every entity for the time slider', async () => {
    const { status, body } = await json(
      await layerReplay(
        context(),
        layerIdOf('AirQualityObserved'),
        new URLSearchParams({ attribute: 'pm25', hours: '6' }),
      ),
    );
    expect(status).toBe(200);
    const steps = body.steps as string[];
    expect(steps).toHaveLength(6);
    const values = body.values as Record<string, (number | null)[]>;
    expect(Object.keys(values)).toHaveLength(STATIONS);
    // Station 1 had 13, 12, 11, 10 over the last four hours; the two hours before are empty.
    const row = values['urn:ngsi-ld:AirQualityObserved:danang-test-1']!;
    expect(row.slice(0, 2)).toEqual([null, null]);
    expect(row.filter((value) => value !== null)).toEqual([13, 12, 11, 10]);
  });

  it('computes KPI, table and time-series blocks from the broker', async () => {
    const kpi = await json(await blockData(context(), blockIdOf(home, 'kpi', 0)));
    expect(kpi.status).toBe(200);
    // Now: station n has 10 n (hoursAgo 0) → average of 0, 10, …, 50.
    expect(kpi.body).toMatchObject({ kind: 'kpi', value: 25, unit: 'µg/m³', count: STATIONS });
    // The hour that ended an hour before the request (seconds after the writes) held only the
    // observations of 1 h ago, 10 n + 1 → average 26: the KPI fell by 1.
    expect(kpi.body.trend).toBeCloseTo(-1, 6);
    const table = await json(await blockData(context(), blockIdOf(home, 'table')));
    expect(table.body).toMatchObject({
      kind: 'table',
      columns: ['name', 'availableBedNumber', 'totalBedNumber'],
      total: 1,
      rows: [{ values: { name: '<b>Bệnh viện</b>', availableBedNumber: 40, totalBedNumber: 100 } }],
    });
    // The private page's blocks: staff only.
    const series = blockIdOf(operations, 'timeSeries');
    expect((await blockData(context(), series)).status).toBe(404);
    const staff = await json(await blockData(context(admin), series));
    expect(staff.status).toBe(200);
    expect(staff.body.kind).toBe('timeSeries');
    const hourly = (staff.body.points as [string, number][]).map(([, value]) => value);
    expect(hourly).toEqual([3, 2, 1, 0]);
    expect(await blockData(context(), 'not-an-id').then((answer) => answer.status)).toBe(404);
  });

  it('streams a change of a live layer to an open connection within seconds', async () => {
    const layerId = layerIdOf('AirQualityObserved');
    const aborted = new AbortController();
    const response = await layerLive(context(), layerId, aborted.signal);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value, { stream: true });
      }
    };
    await readUntil('retry:');
    const changedAt = Date.now();
    await writer.updateAttributes('urn:ngsi-ld:AirQualityObserved:danang-test-3', {
      pm25: { type: 'Property', value: 777, observedAt: new Date().toISOString() },
    });
    await readUntil('777');
    console.info(`dashboard live route: broker PATCH → SSE frame in ${Date.now() - changedAt} ms`);
    expect(received).toContain('event: update');
    aborted.abort();
    // An interval layer has no live stream.
    const interval = await layerLive(context(), layerIdOf('WeatherObserved'), aborted.signal);
    expect(interval.status).toBe(400);
  });

  it('refuses notifications without the subscription token', async () => {
    const answer = await notify(
      services.live,
      new Request('http://dashboard.test/api/data/notify', {
        method: 'POST',
        body: JSON.stringify({ type: 'Notification', subscriptionId: 'urn:x:1', data: [] }),
      }),
    );
    expect(answer.status).toBe(401);
  });
});
