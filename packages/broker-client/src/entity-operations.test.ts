import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrokerError } from './broker-error.js';
import { createBrokerClient } from './client.js';
import {
  problem,
  startScriptedBroker,
  type ScriptedBroker,
} from './scripted-broker.test-support.js';
import type { EntityBody } from './types.js';

const CONTEXT = 'https://example.org/city-context.jsonld';
const ROOM_ID = 'urn:ngsi-ld:Room:1';
const ROOM_PATH = '/ngsi-ld/v1/entities/urn%3Angsi-ld%3ARoom%3A1';
let broker: ScriptedBroker;

beforeEach(async () => {
  broker = await startScriptedBroker();
});
afterEach(async () => {
  await broker.close();
});

function room(extra: Partial<EntityBody> = {}): EntityBody {
  return { id: ROOM_ID, type: 'Room', temperature: { type: 'Property', value: 21 }, ...extra };
}

function client(options: { retryNonIdempotent?: boolean } = {}) {
  return createBrokerClient({
    baseUrl: broker.url,
    context: CONTEXT,
    tenant: 'city',
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

describe('createEntity', () => {
  it('posts the entity as application/json with the Link and tenant headers and reads Location', async () => {
    broker.reply({ status: 201, headers: { Location: ROOM_PATH } });
    const created = await client().createEntity(room());
    expect(created).toEqual({ id: ROOM_ID, location: ROOM_PATH });
    const [request] = broker.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/ngsi-ld/v1/entities', body: room() });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.link).toContain(`<${CONTEXT}>`);
    expect(request?.headers['ngsild-tenant']).toBe('city');
    expect(request?.headers.accept).toBe('application/json');
  });

  it('posts an entity that carries @context as application/ld+json without a Link', async () => {
    broker.reply({ status: 201, headers: { Location: ROOM_PATH } });
    await client().createEntity(room({ '@context': CONTEXT }));
    const [request] = broker.requests;
    expect(request?.headers['content-type']).toBe('application/ld+json');
    expect(request?.headers.link).toBeUndefined();
  });

  it('throws a BrokerError when the entity already exists', async () => {
    broker.reply({
      status: 409,
      body: problem('AlreadyExists', `Entity ${ROOM_ID} already exists`, 409),
    });
    const error = await client()
      .createEntity(room())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BrokerError);
    expect((error as BrokerError).is('AlreadyExists')).toBe(true);
  });

  it('counts a 409 on an opted-in retry as success, since the first attempt may have created it', async () => {
    broker.reply(
      { status: 503 },
      { status: 409, body: problem('AlreadyExists', `Entity ${ROOM_ID} already exists`, 409) },
    );
    const created = await client({ retryNonIdempotent: true }).createEntity(room());
    expect(created).toEqual({ id: ROOM_ID, location: ROOM_PATH });
    expect(broker.requests).toHaveLength(2);
  });

  it('reports a 207 from a distributed create as a result', async () => {
    const errors = [
      {
        entityId: ROOM_ID,
        error: problem('InternalError', 'remote down', 500),
        registrationId: 'urn:reg:1',
      },
    ];
    broker.reply({ status: 207, headers: { Location: ROOM_PATH }, body: { success: [], errors } });
    const created = await client().createEntity(room());
    expect(created.distributed?.errors).toEqual(errors);
  });
});

describe('retrieveEntity', () => {
  it('encodes the id and sends selection and representation parameters', async () => {
    broker.reply({ status: 200, body: { id: ROOM_ID, type: 'Room', temperature: 21 } });
    const entity = await client().retrieveEntity(ROOM_ID, {
      pick: ['id', 'temperature'],
      options: ['keyValues', 'sysAttrs'],
      lang: 'fr',
    });
    expect(entity.temperature).toBe(21);
    const [request] = broker.requests;
    expect(request?.path).toBe(ROOM_PATH);
    expect(request?.query.get('pick')).toBe('id,temperature');
    expect(request?.query.get('options')).toBe('keyValues,sysAttrs');
    expect(request?.query.get('lang')).toBe('fr');
    expect(request?.query.has('attrs')).toBe(false);
    expect(request?.headers.link).toContain(CONTEXT);
  });

  it('asks for GeoJSON with the geo+json media type', async () => {
    broker.reply({
      status: 200,
      body: { id: ROOM_ID, type: 'Feature', geometry: null, properties: {} },
    });
    const feature = await client().retrieveEntity(ROOM_ID, { geoJson: true });
    expect(feature.type).toBe('Feature');
    expect(broker.requests[0]?.headers.accept).toBe('application/geo+json');
  });

  it('throws a ResourceNotFound BrokerError for an unknown entity', async () => {
    broker.reply({
      status: 404,
      body: problem('ResourceNotFound', `Entity ${ROOM_ID} does not exist`, 404),
    });
    await expect(client().retrieveEntity(ROOM_ID)).rejects.toThrow(
      `GET ${ROOM_PATH} failed: 404 ResourceNotFound — Entity ${ROOM_ID} does not exist`,
    );
  });
});

describe('deleteEntity, replaceEntity and mergeEntity', () => {
  it('read a 204 as success for the one entity', async () => {
    broker.otherwise(() => ({ status: 204 }));
    const c = client();
    expect(await c.deleteEntity(ROOM_ID)).toEqual({ success: [ROOM_ID], errors: [] });
    expect(await c.replaceEntity(ROOM_ID, room())).toEqual({ success: [ROOM_ID], errors: [] });
    expect(await c.mergeEntity(ROOM_ID, { temperature: 'urn:ngsi-ld:null' })).toEqual({
      success: [ROOM_ID],
      errors: [],
    });
    expect(broker.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `DELETE ${ROOM_PATH}`,
      `PUT ${ROOM_PATH}`,
      `PATCH ${ROOM_PATH}`,
    ]);
    expect(broker.requests[0]?.headers['content-type']).toBeUndefined();
  });
});
