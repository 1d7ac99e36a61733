import { afterEach, describe, expect, it } from 'vitest';
import {
  readFixture,
  serveFixtures,
  testFetchContext,
  testLogger,
  type FixtureServer,
} from '../../testing/source-testing.test-support.js';
import { createOpenDataSource } from './source.js';
import { fixtureMapping } from './test-mappings.test-support.js';

let server: FixtureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createOpenDataSource', () => {
  it('loads a local CSV file, logs bad rows by line and writes the rest', async () => {
    const source = createOpenDataSource({ mapping: fixtureMapping('parkings'), every: 86_400_000 });
    const { log, lines } = testLogger();
    const context = testFetchContext(log);
    const entities = await source.transform(await source.fetch(context), context);
    expect(entities).toHaveLength(12);
    expect(source).toMatchObject({
      id: 'open-data-parkings',
      entityTypes: ['OffStreetParking'],
      schedule: { every: 86_400_000 },
    });
    expect(
      lines()
        .filter((line) => line.severity === 'warn')
        .map((line) => line.problem),
    ).toEqual([
      'line 12: column "capacity": is required but empty',
      'line 14: column "capacity": expected an integer, got "abc"',
      'line 17: has 4 fields, the header has 6',
    ]);
  });

  it('loads GeoJSON over HTTP, BOM and all', async () => {
    server = await serveFixtures((url) =>
      url.pathname === '/zones.geojson'
        ? {
            body: readFixture('open-data/flood-zones.geojson'),
            headers: { 'content-type': 'application/geo+json' },
          }
        : undefined,
    );
    const mapping = { ...fixtureMapping('flood-zones'), source: `${server.url}/zones.geojson` };
    const source = createOpenDataSource({ mapping, every: 3_600_000 });
    const context = testFetchContext();
    const entities = await source.transform(await source.fetch(context), context);
    expect(entities.map((entity) => entity.id)).toEqual([
      'urn:ngsi-ld:FloodZone:FZ-01',
      'urn:ngsi-ld:FloodZone:FZ-02',
      'urn:ngsi-ld:FloodZone:FZ-04',
    ]);
  });

  it('fails permanently, naming the file, when the file is missing', async () => {
    const mapping = { ...fixtureMapping('parkings'), source: '/nonexistent/parkings.csv' };
    const source = createOpenDataSource({ mapping, every: 60_000 });
    await expect(source.fetch(testFetchContext())).rejects.toMatchObject({
      name: 'PermanentError',
      message: 'Open-data file /nonexistent/parkings.csv cannot be read (ENOENT)',
    });
  });

  it('fails permanently when the header lacks a mapped column', async () => {
    const source = createOpenDataSource({ mapping: fixtureMapping('parkings'), every: 60_000 });
    const context = testFetchContext();
    await expect(
      Promise.resolve().then(() => source.transform('code;name\nP1;x\n', context)),
    ).rejects.toMatchObject({
      name: 'PermanentError',
      message: expect.stringMatching(/^CSV header lacks column "name"/),
    });
  });
});
