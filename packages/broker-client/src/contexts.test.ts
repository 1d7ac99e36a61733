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

const client = () =>
  createBrokerClient({
    baseUrl: broker.url,
    context: 'https://example.org/ctx.jsonld',
    retry: { baseDelayMs: 1 },
  });

describe('addContext', () => {
  it('posts the @context as plain JSON and returns the absolute URL from Location', async () => {
    broker.reply({ status: 201, headers: { Location: '/ngsi-ld/v1/jsonldContexts/abc' } });
    const document = { '@context': { Room: 'https://example.org/Room' } };
    const url = await client().addContext(document);
    expect(url).toBe(`${broker.url}/ngsi-ld/v1/jsonldContexts/abc`);
    const [request] = broker.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/ngsi-ld/v1/jsonldContexts',
      body: document,
    });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.link).toBeUndefined();
  });

  it('is not retried, since a repeat could store the context twice', async () => {
    broker.otherwise(() => ({ status: 503 }));
    await expect(client().addContext({ '@context': {} })).rejects.toThrow(/503/);
    expect(broker.requests).toHaveLength(1);
  });
});

describe('listContexts, getContext and deleteContext', () => {
  it('send details, kind and reload as URL parameters', async () => {
    broker.reply(
      { status: 200, body: ['https://example.org/ctx.jsonld'] },
      { status: 200, body: { '@context': {} } },
      { status: 204 },
    );
    expect(await client().listContexts({ kind: 'Cached' })).toEqual([
      'https://example.org/ctx.jsonld',
    ]);
    expect(await client().getContext('https://example.org/ctx.jsonld')).toEqual({ '@context': {} });
    await client().deleteContext('abc', { reload: true });
    expect(
      broker.requests.map(
        (request) => `${request.method} ${request.path}?${request.query.toString()}`,
      ),
    ).toEqual([
      'GET /ngsi-ld/v1/jsonldContexts?kind=Cached',
      'GET /ngsi-ld/v1/jsonldContexts/https%3A%2F%2Fexample.org%2Fctx.jsonld?',
      'DELETE /ngsi-ld/v1/jsonldContexts/abc?reload=true',
    ]);
  });
});
