import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokerClient } from './client.js';
import { startScriptedBroker, type ScriptedBroker } from './scripted-broker.test-support.js';

let broker: ScriptedBroker;

beforeEach(async () => {
  broker = await startScriptedBroker();
});
afterEach(async () => {
  await broker.close();
});

const client = () => createBrokerClient({ baseUrl: broker.url });

describe('listTypes and listAttributes', () => {
  it('return the names of an EntityTypeList or AttributeList', async () => {
    broker.reply(
      {
        status: 200,
        body: {
          id: 'urn:ngsi-ld:EntityTypeList:1',
          type: 'EntityTypeList',
          typeList: ['Room', 'Building'],
        },
      },
      {
        status: 200,
        body: {
          id: 'urn:ngsi-ld:AttributeList:1',
          type: 'AttributeList',
          attributeList: ['temperature'],
        },
      },
    );
    expect(await client().listTypes()).toEqual(['Room', 'Building']);
    expect(await client().listAttributes()).toEqual(['temperature']);
    expect(broker.requests.map((request) => request.path)).toEqual([
      '/ngsi-ld/v1/types',
      '/ngsi-ld/v1/attributes',
    ]);
  });

  it('return the detailed objects when details are asked for', async () => {
    const details = [
      { id: 'https://example.org/Room', type: 'EntityType', typeName: 'Room', attributeNames: [] },
    ];
    broker.reply({ status: 200, body: details });
    expect(await client().listTypes({ details: true })).toEqual(details);
    expect(broker.requests[0]?.query.get('details')).toBe('true');
  });
});

describe('retrieveType and retrieveAttribute', () => {
  it('encode the name in the path', async () => {
    broker.otherwise(() => ({ status: 200, body: { id: 'x', type: 'EntityTypeInfo' } }));
    await client().retrieveType('https://example.org/Room');
    await client().retrieveAttribute('temperature');
    expect(broker.requests.map((request) => request.path)).toEqual([
      '/ngsi-ld/v1/types/https%3A%2F%2Fexample.org%2FRoom',
      '/ngsi-ld/v1/attributes/temperature',
    ]);
  });
});
