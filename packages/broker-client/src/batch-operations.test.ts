import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokerClient } from './client.js';
import {
  problem,
  startScriptedBroker,
  type ScriptedBroker,
} from './scripted-broker.test-support.js';
import type { EntityBody } from './types.js';

let broker: ScriptedBroker;

beforeEach(async () => {
  broker = await startScriptedBroker();
});
afterEach(async () => {
  await broker.close();
});

function rooms(count: number): EntityBody[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `urn:ngsi-ld:Room:${i + 1}`,
    type: 'Room',
  }));
}

function client(options: { retryNonIdempotent?: boolean } = {}) {
  return createBrokerClient({
    baseUrl: broker.url,
    retry: { attempts: 2, baseDelayMs: 1 },
    ...options,
  });
}

describe('createEntities', () => {
  it('reads a 201 as every entity created', async () => {
    broker.reply({ status: 201, body: ['urn:ngsi-ld:Room:1', 'urn:ngsi-ld:Room:2'] });
    const result = await client().createEntities(rooms(2));
    expect(result).toEqual({
      success: ['urn:ngsi-ld:Room:1', 'urn:ngsi-ld:Room:2'],
      errors: [],
      created: ['urn:ngsi-ld:Room:1', 'urn:ngsi-ld:Room:2'],
    });
    expect(broker.requests[0]).toMatchObject({
      method: 'POST',
      path: '/ngsi-ld/v1/entityOperations/create',
    });
  });

  it('reads a 207 as a result with per-entity errors, not as a failure', async () => {
    const error = problem('AlreadyExists', 'Entity urn:ngsi-ld:Room:2 already exists', 409);
    broker.reply({
      status: 207,
      body: {
        success: ['urn:ngsi-ld:Room:1'],
        errors: [{ entityId: 'urn:ngsi-ld:Room:2', error }],
      },
    });
    const result = await client().createEntities(rooms(2));
    expect(result).toEqual({
      success: ['urn:ngsi-ld:Room:1'],
      errors: [{ entityId: 'urn:ngsi-ld:Room:2', error }],
    });
  });

  it('counts AlreadyExists as success on an opted-in retry', async () => {
    const error = problem('AlreadyExists', 'Entity urn:ngsi-ld:Room:1 already exists', 409);
    broker.reply(
      { status: 504 },
      {
        status: 207,
        body: {
          success: ['urn:ngsi-ld:Room:2'],
          errors: [{ entityId: 'urn:ngsi-ld:Room:1', error }],
        },
      },
    );
    const result = await client({ retryNonIdempotent: true }).createEntities(rooms(2));
    expect(result.success.sort()).toEqual(['urn:ngsi-ld:Room:1', 'urn:ngsi-ld:Room:2']);
    expect(result.errors).toEqual([]);
  });

  it('sends nothing for an empty list', async () => {
    expect(await client().createEntities([])).toEqual({ success: [], errors: [] });
    expect(broker.requests).toHaveLength(0);
  });

  it('refuses a batch where only some entities carry @context', async () => {
    const [first, second] = rooms(2);
    const mixed = [{ ...first!, '@context': 'https://example.org/ctx.jsonld' }, second!];
    await expect(client().createEntities(mixed)).rejects.toThrow(/all carry "@context" or none/);
    expect(broker.requests).toHaveLength(0);
  });
});

describe('upsertEntities', () => {
  it('sends the mode as an option and reads a 204 as every entity updated', async () => {
    broker.reply({ status: 204 });
    const result = await client().upsertEntities(rooms(3), { mode: 'update' });
    expect(result.success).toHaveLength(3);
    expect(broker.requests[0]?.query.get('options')).toBe('update');
  });

  it('lists created entities apart while counting updated ones as successes on 201', async () => {
    broker.reply({ status: 201, body: ['urn:ngsi-ld:Room:3'] });
    const result = await client().upsertEntities(rooms(3));
    expect(result.success).toHaveLength(3);
    expect(result.created).toEqual(['urn:ngsi-ld:Room:3']);
    expect(broker.requests[0]?.query.has('options')).toBe(false);
  });

  it('is retried on 503 without opting in, being idempotent', async () => {
    broker.reply({ status: 503 }, { status: 204 });
    await client().upsertEntities(rooms(1));
    expect(broker.requests).toHaveLength(2);
  });
});

describe('updateEntities, deleteEntities and mergeEntities', () => {
  it('post to their entityOperations resources', async () => {
    broker.otherwise(() => ({ status: 204 }));
    await client().updateEntities(rooms(1), { noOverwrite: true });
    const deleted = await client().deleteEntities(['urn:ngsi-ld:Room:1']);
    await client().mergeEntities(rooms(1));
    expect(deleted).toEqual({ success: ['urn:ngsi-ld:Room:1'], errors: [] });
    expect(broker.requests.map((request) => request.path)).toEqual([
      '/ngsi-ld/v1/entityOperations/update',
      '/ngsi-ld/v1/entityOperations/delete',
      '/ngsi-ld/v1/entityOperations/merge',
    ]);
    expect(broker.requests[0]?.query.get('options')).toBe('noOverwrite');
    expect(broker.requests[1]?.body).toEqual(['urn:ngsi-ld:Room:1']);
  });
});
