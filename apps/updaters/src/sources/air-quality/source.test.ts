import { afterEach, describe, expect, it } from 'vitest';
import {
  readFixture,
  serveFixtures,
  testFetchContext,
  type FixtureServer,
} from '../../testing/source-testing.test-support.js';
import { airQualityUrl, createAirQualitySource } from './source.js';

const stations = [
  { id: 'town-hall', name: 'Town Hall', latitude: 45.1885, longitude: 5.7245 },
  { id: 'ring-road', name: 'Ring Road', latitude: 45.15, longitude: 5.75 },
];
let server: FixtureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createAirQualitySource', () => {
  it('fetches each station and writes one AirQualityObserved per station', async () => {
    const files: Record<string, string> = {
      '45.1885': 'town-hall.json',
      '45.15': 'ring-road-ozone.json',
    };
    server = await serveFixtures((url) => {
      const file = files[url.searchParams.get('latitude') ?? ''];
      return file === undefined ? undefined : { body: readFixture(`air-quality/${file}`) };
    });
    const source = createAirQualitySource({
      url: `${server.url}/v1/air-quality`,
      stations,
      every: 3_600_000,
    });
    const context = testFetchContext();
    const entities = await source.transform(await source.fetch(context), context);
    expect(
      entities.map((entity) => [entity.id, (entity.airQualityIndex as { value: number }).value]),
    ).toEqual([
      ['urn:ngsi-ld:AirQualityObserved:town-hall', 57],
      ['urn:ngsi-ld:AirQualityObserved:ring-road', 140],
    ]);
    expect(server.requests[0]?.searchParams.get('current')).toBe(
      'pm10,pm2_5,nitrogen_dioxide,ozone,sulphur_dioxide,carbon_monoxide',
    );
  });

  it('fails the run with a permanent error when no station can be read', async () => {
    server = await serveFixtures(() => ({ body: '{"current": "none"}' }));
    const source = createAirQualitySource({ url: server.url, stations, every: 60_000 });
    const context = testFetchContext();
    const raw = await source.fetch(context);
    await expect(
      Promise.resolve().then(() => source.transform(raw, context)),
    ).rejects.toMatchObject({
      name: 'PermanentError',
      message:
        'No air-quality station could be read: station "Town Hall": current: expected an object',
    });
  });

  it('builds the URL from the endpoint and the station', () => {
    const url = new URL(airQualityUrl('https://aq.example/v1/air-quality', stations[1]!));
    expect(url.searchParams.get('latitude')).toBe('45.15');
    expect(url.searchParams.get('longitude')).toBe('5.75');
  });
});
