import { afterEach, describe, expect, it } from 'vitest';
import {
  readFixture,
  serveFixtures,
  testFetchContext,
  type FixtureServer,
} from '../../testing/source-testing.test-support.js';
import { createGbfsSource } from './source.js';

const RECORDED_ORIGIN = 'https://gbfs.lego-city.example';
const defaults = { language: undefined, systemId: undefined, every: 60_000 };
let server: FixtureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves fixtures/gbfs/<path>, with the recorded origin rewritten to the local server. */
async function serveGbfs(): Promise<FixtureServer> {
  server = await serveFixtures((url, base) => {
    try {
      const text = readFixture(`gbfs${url.pathname.replace('/en/', '/').replace('/fr/', '/')}`);
      return { body: text.replaceAll(RECORDED_ORIGIN, base) };
    } catch {
      return undefined;
    }
  });
  return server;
}

describe('createGbfsSource', () => {
  it('reads a GBFS 2.3 system and honours the smallest ttl', async () => {
    const { url, requests } = await serveGbfs();
    const source = createGbfsSource({ ...defaults, url: `${url}/v2.3/gbfs.json` });
    const context = testFetchContext();
    const entities = await source.transform(await source.fetch(context), context);
    expect(entities.map((entity) => entity.id)).toEqual([
      'urn:ngsi-ld:BikeHireDockingStation:legovelo:101',
      'urn:ngsi-ld:BikeHireDockingStation:legovelo:102',
      'urn:ngsi-ld:BikeHireDockingStation:legovelo:103',
      'urn:ngsi-ld:BikeHireDockingStation:legovelo:104',
    ]);
    expect(context.ttl()).toBe(60);
    expect(requests.map((request) => request.pathname)).toEqual([
      '/v2.3/gbfs.json',
      '/v2.3/en/system_information.json',
      '/v2.3/en/station_information.json',
      '/v2.3/en/station_status.json',
    ]);
  });

  it('reads a GBFS 3.0 system with a configured system id and language', async () => {
    const { url, requests } = await serveGbfs();
    const source = createGbfsSource({
      url: `${url}/v3.0/gbfs.json`,
      systemId: 'city-bikes',
      language: 'fr',
      every: 60_000,
    });
    const context = testFetchContext();
    const entities = await source.transform(await source.fetch(context), context);
    expect(entities.map((entity) => [entity.id, (entity.name as { value: string }).value])).toEqual(
      [
        ['urn:ngsi-ld:BikeHireDockingStation:city-bikes:st-harbour', 'Port'],
        ['urn:ngsi-ld:BikeHireDockingStation:city-bikes:st-old%20town%2F2', 'Vieille Ville'],
      ],
    );
    expect(context.ttl()).toBe(30);
    expect(requests.some((request) => request.pathname.includes('system_information'))).toBe(false);
  });

  it('stops with a permanent error naming the feeds when station_status is not listed', async () => {
    server = await serveFixtures(() => ({
      body: JSON.stringify({
        version: '3.0',
        ttl: 60,
        data: { feeds: [{ name: 'station_information', url: 'http://127.0.0.1:9/x.json' }] },
      }),
    }));
    const source = createGbfsSource({ ...defaults, url: server.url, systemId: 'x' });
    await expect(source.fetch(testFetchContext())).rejects.toMatchObject({
      name: 'PermanentError',
      kind: 'parse',
      message: 'gbfs.json lists no station_status feed (it lists: station_information)',
    });
  });

  it('stops with a permanent error when the discovery file is not GBFS', async () => {
    server = await serveFixtures(() => ({ body: '{"status":"ok"}' }));
    const source = createGbfsSource({ ...defaults, url: server.url });
    await expect(source.fetch(testFetchContext())).rejects.toMatchObject({
      name: 'PermanentError',
      message: 'gbfs.json: data: expected an object',
    });
  });
});
