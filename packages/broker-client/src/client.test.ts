import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrokerClient } from './client.js';
import { startScriptedBroker, type ScriptedBroker } from './scripted-broker.test-support.js';

let broker: ScriptedBroker;

beforeEach(async () => {
  broker = await startScriptedBroker();
  broker.otherwise(() => ({ status: 200, body: { typeList: [] } }));
});
afterEach(async () => {
  await broker.close();
});

describe('createBrokerClient', () => {
  it('derives clients for another tenant or context that keep the other settings', async () => {
    const base = createBrokerClient({
      baseUrl: broker.url,
      tenant: 'city',
      headers: { Authorization: 'Bearer t' },
      userAgent: 'legocity-cms',
    });
    await base.withTenant('harbour').listTypes();
    await base.withContext('https://example.org/ctx.jsonld').listTypes();
    await base.withTenant(undefined).listTypes();
    const [tenanted, contextual, untenanted] = broker.requests;
    expect(tenanted?.headers['ngsild-tenant']).toBe('harbour');
    expect(tenanted?.headers.link).toBeUndefined();
    expect(contextual?.headers['ngsild-tenant']).toBe('city');
    expect(contextual?.headers.link).toContain('<https://example.org/ctx.jsonld>');
    expect(untenanted?.headers['ngsild-tenant']).toBeUndefined();
    expect(broker.requests.every((request) => request.headers.authorization === 'Bearer t')).toBe(
      true,
    );
    expect(
      broker.requests.every((request) => request.headers['user-agent'] === 'legocity-cms'),
    ).toBe(true);
  });

  it('refuses an invalid tenant or context for a derived client', () => {
    const base = createBrokerClient({ baseUrl: broker.url });
    expect(() => base.withTenant('')).toThrow(/tenant must not be empty/);
    expect(() => base.withContext('ctx.jsonld')).toThrow(
      /context must be an absolute http\(s\) URL/,
    );
  });

  it('uses an injected fetch, so callers can route or record requests', async () => {
    const seen: string[] = [];
    const client = createBrokerClient({
      baseUrl: 'http://broker.invalid:1026',
      fetch: (input, init) => {
        seen.push(`${init?.method} ${input instanceof Request ? input.url : input.toString()}`);
        return Promise.resolve(
          new Response(JSON.stringify({ typeList: ['Room'] }), { status: 200 }),
        );
      },
    });
    expect(await client.listTypes()).toEqual(['Room']);
    expect(seen).toEqual(['GET http://broker.invalid:1026/ngsi-ld/v1/types']);
  });
});
