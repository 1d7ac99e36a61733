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

const client = () => createBrokerClient({ baseUrl: broker.url, retry: { baseDelayMs: 1 } });

describe('health', () => {
  it('reports a LegoCity server from its /health summary', async () => {
    broker.reply({ status: 200, body: { status: 'ok', checks: {} } });
    expect(await client().health()).toEqual({
      ok: true,
      source: 'health',
      status: 200,
      body: { status: 'ok', checks: {} },
    });
    expect(broker.requests[0]?.path).toBe('/health');
  });

  it('reports an unhealthy LegoCity server without retrying or falling back', async () => {
    broker.reply({ status: 503, body: { status: 'failing' } });
    const report = await client().health();
    expect(report).toMatchObject({
      ok: false,
      source: 'health',
      status: 503,
      body: { status: 'failing' },
    });
    expect(broker.requests).toHaveLength(1);
  });

  it('falls back to /version on a broker without /health, such as Orion-LD', async () => {
    broker.reply({ status: 404 }, { status: 200, body: { 'orionld version': '1.6.0' } });
    expect(await client().health()).toMatchObject({ ok: true, source: 'version' });
    expect(broker.requests.map((request) => request.path)).toEqual(['/health', '/version']);
  });

  it('falls back to the API types resource, which every broker serves', async () => {
    broker.reply({ status: 404 }, { status: 404 }, { status: 200, body: { typeList: [] } });
    expect(await client().health()).toMatchObject({ ok: true, source: 'types' });
    expect(broker.requests.map((request) => request.path)).toEqual([
      '/health',
      '/version',
      '/ngsi-ld/v1/types',
    ]);
  });

  it('reports an unreachable broker instead of throwing', async () => {
    const url = broker.url;
    await broker.close();
    const report = await createBrokerClient({ baseUrl: url }).health();
    expect(report).toMatchObject({ ok: false, status: 0 });
    expect(report.error).toMatch(/GET \/health failed: no response/);
    broker = await startScriptedBroker();
  });
});
