import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokerClient } from './client.js';
import {
  startScriptedBroker,
  type RecordedRequest,
  type ScriptedBroker,
} from './scripted-broker.test-support.js';

let broker: ScriptedBroker;

beforeEach(async () => {
  broker = await startScriptedBroker();
});
afterEach(async () => {
  await broker.close();
});

const client = () =>
  createBrokerClient({ baseUrl: broker.url, context: 'https://example.org/ctx.jsonld' });

/** A broker holding `total` rooms that pages them by limit/offset. */
function serveRooms(total: number): void {
  broker.otherwise((request: RecordedRequest) => {
    const limit = Number(request.query.get('limit') ?? 20);
    const offset = Number(request.query.get('offset') ?? 0);
    const ids = Array.from(
      { length: Math.max(0, Math.min(limit, total - offset)) },
      (_, i) => offset + i + 1,
    );
    return { status: 200, body: ids.map((n) => ({ id: `urn:ngsi-ld:Room:${n}`, type: 'Room' })) };
  });
}

describe('queryEntities', () => {
  it('sends filters, geo-query and paging as URL parameters and reads the count header', async () => {
    broker.reply({ status: 200, headers: { 'NGSILD-Results-Count': '42' }, body: [] });
    const result = await client().queryEntities({
      type: 'Room',
      id: ['urn:ngsi-ld:Room:1', 'urn:ngsi-ld:Room:2'],
      q: 'temperature>20;name=="Main hall"',
      attrs: ['temperature'],
      geoQ: { georel: 'near;maxDistance==2000', geometry: 'Point', coordinates: [8.68, 49.41] },
      limit: 10,
      offset: 20,
      count: true,
      options: ['keyValues'],
    });
    expect(result).toEqual({ entities: [], count: 42 });
    const query = broker.requests[0]?.query;
    expect(Object.fromEntries(query ?? [])).toEqual({
      type: 'Room',
      id: 'urn:ngsi-ld:Room:1,urn:ngsi-ld:Room:2',
      q: 'temperature>20;name=="Main hall"',
      attrs: 'temperature',
      georel: 'near;maxDistance==2000',
      geometry: 'Point',
      coordinates: '[8.68,49.41]',
      limit: '10',
      offset: '20',
      count: 'true',
      options: 'keyValues',
    });
  });

  it('leaves count undefined when the broker sends no count header', async () => {
    broker.reply({ status: 200, body: [{ id: 'urn:a', type: 'Room' }] });
    const result = await client().queryEntities({ type: 'Room' });
    expect(result).toEqual({ entities: [{ id: 'urn:a', type: 'Room' }] });
  });

  it('unwraps the features of a GeoJSON answer', async () => {
    const feature = { id: 'urn:a', type: 'Feature', geometry: null, properties: {} };
    broker.reply({ status: 200, body: { type: 'FeatureCollection', features: [feature] } });
    const result = await client().queryEntities({ type: 'Room', geoJson: true });
    expect(result.entities).toEqual([feature]);
    expect(broker.requests[0]?.headers.accept).toBe('application/geo+json');
  });

  it('throws when a 200 body is not an array', async () => {
    broker.reply({ status: 200, body: { oops: true } });
    await expect(client().queryEntities({ type: 'Room' })).rejects.toThrow(
      'GET /ngsi-ld/v1/entities answered 200 but the body is not a JSON array',
    );
  });
});

describe('queryAllEntities', () => {
  it('pages with limit and offset until a short page, across three pages', async () => {
    serveRooms(25);
    const ids: string[] = [];
    for await (const room of client().queryAllEntities({ type: 'Room' }, { pageSize: 10 }))
      ids.push(room.id);
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
    expect(broker.requests.map((request) => request.query.get('offset'))).toEqual([
      '0',
      '10',
      '20',
    ]);
    expect(broker.requests.every((request) => request.query.get('limit') === '10')).toBe(true);
  });

  it('asks once more after an exactly full last page and stops on the empty one', async () => {
    serveRooms(20);
    let count = 0;
    for await (const _room of client().queryAllEntities({ type: 'Room' }, { pageSize: 10 }))
      count += 1;
    expect(count).toBe(20);
    expect(broker.requests).toHaveLength(3);
  });

  it('stops rather than loops when a broker ignores offset', async () => {
    broker.otherwise(() => ({
      status: 200,
      body: [
        { id: 'urn:a', type: 'Room' },
        { id: 'urn:b', type: 'Room' },
      ],
    }));
    let count = 0;
    for await (const _room of client().queryAllEntities({ type: 'Room' }, { pageSize: 2 }))
      count += 1;
    expect(count).toBe(2);
    expect(broker.requests).toHaveLength(2);
  });
});

describe('postQuery', () => {
  it('posts a Query body with paging in the URL and pages through postQueryAll', async () => {
    serveRooms(5);
    const page = await client().postQuery(
      { entities: [{ type: 'Room' }] },
      { limit: 2, count: true },
    );
    expect(page.entities).toHaveLength(2);
    const [request] = broker.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/ngsi-ld/v1/entityOperations/query',
      body: { type: 'Query', entities: [{ type: 'Room' }] },
    });
    expect(request?.query.get('count')).toBe('true');
    expect(request?.headers['content-type']).toBe('application/json');

    const ids: string[] = [];
    for await (const room of client().postQueryAll(
      { entities: [{ type: 'Room' }] },
      {},
      { pageSize: 2 },
    )) {
      ids.push(room.id);
    }
    expect(ids).toHaveLength(5);
  });
});
