import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokerClient } from './client.js';
import { startScriptedBroker, type ScriptedBroker } from './scripted-broker.test-support.js';

const ROOM_ID = 'urn:ngsi-ld:Room:1';
const ATTRS_PATH = '/ngsi-ld/v1/entities/urn%3Angsi-ld%3ARoom%3A1/attrs';
let broker: ScriptedBroker;

beforeEach(async () => {
  broker = await startScriptedBroker();
});
afterEach(async () => {
  await broker.close();
});

const client = () => createBrokerClient({ baseUrl: broker.url });
const humidity = { humidity: { type: 'Property', value: 40 } };

describe('appendAttributes', () => {
  it('sends noOverwrite as an option and lists the appended attributes on 204', async () => {
    broker.reply({ status: 204 });
    const result = await client().appendAttributes(
      ROOM_ID,
      { ...humidity, type: 'Room' },
      { noOverwrite: true },
    );
    expect(result).toEqual({ updated: ['humidity'], notUpdated: [] });
    expect(broker.requests[0]).toMatchObject({ method: 'POST', path: ATTRS_PATH });
    expect(broker.requests[0]?.query.get('options')).toBe('noOverwrite');
  });

  it('returns the UpdateResult of a 207', async () => {
    const notUpdated = [{ attributeName: 'humidity', reason: 'attribute exists' }];
    broker.reply({ status: 207, body: { updated: [], notUpdated } });
    const result = await client().appendAttributes(ROOM_ID, humidity, { noOverwrite: true });
    expect(result).toEqual({ updated: [], notUpdated });
  });
});

describe('updateAttributes, partialUpdateAttribute and replaceAttribute', () => {
  it('patch or put the attribute paths, encoding attribute names', async () => {
    broker.otherwise(() => ({ status: 204 }));
    const c = client();
    await c.updateAttributes(ROOM_ID, humidity);
    const partial = await c.partialUpdateAttribute(ROOM_ID, 'https://schema.org/name', {
      value: 'Hall',
    });
    await c.replaceAttribute(ROOM_ID, 'humidity', { type: 'Property', value: 41 });
    expect(partial).toEqual({ updated: ['https://schema.org/name'], notUpdated: [] });
    expect(broker.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `PATCH ${ATTRS_PATH}`,
      `PATCH ${ATTRS_PATH}/https%3A%2F%2Fschema.org%2Fname`,
      `PUT ${ATTRS_PATH}/humidity`,
    ]);
  });
});

describe('deleteAttribute', () => {
  it('sends datasetId and deleteAll only when given', async () => {
    broker.otherwise(() => ({ status: 204 }));
    await client().deleteAttribute(ROOM_ID, 'humidity', { datasetId: 'urn:ngsi-ld:Dataset:a' });
    await client().deleteAttribute(ROOM_ID, 'humidity', { deleteAll: true });
    await client().deleteAttribute(ROOM_ID, 'humidity');
    const queries = broker.requests.map((request) => request.query.toString());
    expect(queries).toEqual(['datasetId=urn%3Angsi-ld%3ADataset%3Aa', 'deleteAll=true', '']);
  });
});
