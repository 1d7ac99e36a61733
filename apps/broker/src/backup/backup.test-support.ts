import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { TestBroker, TestResponse } from '../testing/test-broker.js';
import type { DumpEnd, TableSummary } from './dump-format.js';

export const ENTITIES = '/ngsi-ld/v1/entities';
export const NDJSON_HEADERS = { 'content-type': 'application/x-ndjson' };
export const OTHER_TENANT = 'city-b';
/** Tables a restore adds to: the caller's key (when the backup lacks it) and its audit event. */
export const RESTORE_BOOKKEEPING = ['legocity.api_key', 'legocity.audit_event'];

type Body = Record<string, unknown>;
const property = (value: unknown, extra: Body = {}) => ({ type: 'Property', value, ...extra });
const geo = (value: Body) => ({ type: 'GeoProperty', value });
const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

/** What seedCity made, for the queries that compare two brokers. */
export interface City {
  sensor: string;
  zone: string;
  vehicle: string;
  subscription: string;
  contextUrl: string;
  readKey: string;
}

/** Send and expect a status; returns the response. */
export async function expectStatus(
  t: TestBroker,
  status: number,
  method: string,
  url: string,
  options: Parameters<TestBroker['request']>[2] = {},
): Promise<TestResponse> {
  const response = await t.request(method, url, options);
  expect(response.status, `${method} ${url}: ${response.text}`).toBe(status);
  return response;
}

/**
 * A small city: a sensor with history (several value types, a relationship, a language map, a
 * point), a zone with a polygon, a vehicle in a second tenant, a subscription to `endpoint`, a
 * hosted @context and a read key.
 * @example const city = await seedCity(t, sink.url)
 */
export async function seedCity(
  t: TestBroker,
  endpoint: string,
  subscription: { isActive?: boolean } = {},
): Promise<City> {
  const sensor = 'urn:ngsi-ld:Sensor:s1';
  const zone = 'urn:ngsi-ld:Zone:z1';
  const vehicle = 'urn:ngsi-ld:Vehicle:v1';
  const created = await expectStatus(t, 201, 'POST', '/ngsi-ld/v1/subscriptions', {
    body: {
      type: 'Subscription',
      entities: [{ type: 'Sensor' }],
      notification: { endpoint: { uri: endpoint } },
      ...subscription,
    },
  });
  await expectStatus(t, 201, 'POST', ENTITIES, {
    body: {
      id: sensor,
      type: 'Sensor',
      temperature: property(20.5, { observedAt: '2024-05-01T10:00:00.000Z', unitCode: 'CEL' }),
      status: property('ok'),
      isOn: property(true),
      config: property({ interval: 30, tags: ["a'b", 'c"d', 'é\n'] }),
      name: { type: 'LanguageProperty', languageMap: { en: 'North', vi: 'Bắc' } },
      inZone: { type: 'Relationship', object: zone },
      location: geo(point(108.2, 16.05)),
    },
  });
  await expectStatus(t, 201, 'POST', ENTITIES, {
    body: {
      id: zone,
      type: 'Zone',
      location: geo({
        type: 'Polygon',
        coordinates: [
          [
            [108.1, 16.0],
            [108.3, 16.0],
            [108.3, 16.1],
            [108.1, 16.0],
          ],
        ],
      }),
    },
  });
  for (const [minute, value] of [
    [10, 21],
    [20, 22.25],
    [30, 19],
  ] as const) {
    await expectStatus(t, 204, 'PATCH', `${ENTITIES}/${sensor}/attrs`, {
      body: { temperature: property(value, { observedAt: `2024-05-01T10:${minute}:00.000Z` }) },
    });
  }
  await expectStatus(t, 201, 'POST', ENTITIES, {
    headers: { 'ngsild-tenant': OTHER_TENANT },
    body: {
      id: vehicle,
      type: 'Vehicle',
      speed: property(42),
      location: geo(point(108.21, 16.06)),
    },
  });
  const context = await expectStatus(t, 201, 'POST', '/ngsi-ld/v1/jsonldContexts', {
    body: {
      '@context': {
        Sensor: 'https://example.org/Sensor',
        temperature: 'https://example.org/temperature',
      },
    },
  });
  const key = await expectStatus(t, 201, 'POST', '/admin/keys', {
    body: {
      name: 'dashboard-read',
      scopes: [{ access: 'read', tenants: ['default', OTHER_TENANT] }],
    },
  });
  return {
    sensor,
    zone,
    vehicle,
    subscription: String(created.headers.location).split('/').pop() ?? '',
    contextUrl: String(context.headers.location),
    readKey: (key.body as { key: string }).key,
  };
}

/** GET /admin/backup: the dump's text. */
export async function takeBackup(t: TestBroker): Promise<string> {
  const response = await expectStatus(t, 200, 'GET', '/admin/backup');
  expect(response.headers['content-type']).toContain('application/x-ndjson');
  return response.text;
}

/** POST /admin/restore with a dump's text. */
export function restoreDump(
  t: TestBroker,
  dump: string,
  query: Record<string, string> = {},
): Promise<TestResponse> {
  return t.request('POST', '/admin/restore', { headers: NDJSON_HEADERS, payload: dump, query });
}

/** GET /admin/backup/summary. */
export async function summaryOf(t: TestBroker): Promise<DumpEnd> {
  return (await expectStatus(t, 200, 'GET', '/admin/backup/summary')).body as DumpEnd;
}

/** The dump's lines, parsed. */
export function linesOf(dump: string): Body[] {
  return dump
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Body);
}

/** The `end` member of a dump's last line. */
export function endOf(dump: string): DumpEnd {
  return (linesOf(dump).at(-1) as { end: DumpEnd }).end;
}

/** A summary's tables by `schema.name`. */
export function tablesOf(summary: DumpEnd): Map<string, TableSummary> {
  return new Map(summary.tables.map((table) => [`${table.schema}.${table.name}`, table]));
}

/** Replace a dump's line (1-based) with what `change` makes of its text. */
export function changeLine(dump: string, line: number, change: (text: string) => string): string {
  const lines = dump.split('\n');
  lines[line - 1] = change(lines[line - 1] ?? '');
  return lines.join('\n');
}

/**
 * A dump whose checksums and counts are made to fit its rows again (after changing a row): what a
 * forger could do, so that the restore's other checks can be seen at work.
 */
export function resealDump(dump: string): string {
  const lines = dump.trimEnd().split('\n');
  const summaries = new Map<string, TableSummary>();
  let rows: string[] = [];
  const sealed = lines.map((text) => {
    if (text.startsWith('[')) rows.push(text);
    else if (text.startsWith('{"table"')) rows = [];
    else if (text.startsWith('{"tableEnd"')) {
      const { tableEnd } = JSON.parse(text) as { tableEnd: TableSummary };
      const sha256 = createHash('sha256')
        .update(rows.map((row) => `${row}\n`).join(''))
        .digest('hex');
      const summary = { ...tableEnd, rows: rows.length, sha256 };
      summaries.set(`${summary.schema}.${summary.name}`, summary);
      return JSON.stringify({ tableEnd: summary });
    } else if (text.startsWith('{"end"')) {
      const { end } = JSON.parse(text) as { end: DumpEnd };
      const tables = end.tables.map((t) => summaries.get(`${t.schema}.${t.name}`) ?? t);
      return JSON.stringify({ end: { ...end, tables } });
    }
    return text;
  });
  return `${sealed.join('\n')}\n`;
}

/**
 * What clients see of a broker: the answers two brokers must share after a restore (keys
 * without their last use, which the restore drill's own requests change).
 */
export async function answersOf(t: TestBroker, city: City): Promise<Body> {
  const get = async (url: string, options: Parameters<TestBroker['request']>[2] = {}) =>
    (await expectStatus(t, 200, 'GET', url, options)).body;
  const keys = (await get('/admin/keys')) as Body[];
  return {
    sensor: await get(`${ENTITIES}/${city.sensor}`, { query: { options: 'sysAttrs' } }),
    sensors: await get(ENTITIES, { query: { type: 'Sensor,Zone' } }),
    near: await get(ENTITIES, {
      query: {
        type: 'Sensor,Zone',
        georel: 'near;maxDistance==3000',
        geometry: 'Point',
        coordinates: '[108.2,16.06]',
      },
    }),
    within: await get(ENTITIES, {
      query: {
        type: 'Sensor',
        georel: 'within',
        geometry: 'Polygon',
        coordinates: '[[[108.1,16.0],[108.3,16.0],[108.3,16.1],[108.1,16.0]]]',
      },
    }),
    history: await get(`/ngsi-ld/v1/temporal/entities/${city.sensor}`),
    vehicles: await get(ENTITIES, {
      query: { type: 'Vehicle' },
      headers: { 'ngsild-tenant': OTHER_TENANT },
    }),
    subscriptions: await get('/ngsi-ld/v1/subscriptions'),
    context: await get(city.contextUrl.replace(/^https?:\/\/[^/]+/, '')),
    // The list's own id is new in every answer (§5.7.1).
    types: ((await get('/ngsi-ld/v1/types')) as { typeList: unknown }).typeList,
    keys: keys.map(({ lastUsedAt: _lastUsedAt, ...key }) => key),
  };
}
