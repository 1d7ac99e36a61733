import { afterEach, describe, expect, it } from 'vitest';
import { createWeatherSource, forecastUrl } from './source.js';
import {
  readFixture,
  serveFixtures,
  testFetchContext,
  testLogger,
  type FixtureServer,
} from '../../testing/source-testing.test-support.js';

const stations = [
  { id: 'town-hall', name: 'Town Hall', latitude: 45.1885, longitude: 5.7245 },
  { id: 'airport', name: 'Airport', latitude: 45.3629, longitude: 5.3294 },
];
let server: FixtureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers each station with a recorded file, chosen by latitude. */
async function serve(files: Record<string, string>): Promise<FixtureServer> {
  server = await serveFixtures((url) => {
    const file = files[url.searchParams.get('latitude') ?? ''];
    return file === undefined ? undefined : { body: readFixture(`weather/${file}`) };
  });
  return server;
}

describe('createWeatherSource', () => {
  it('fetches each station and writes one WeatherObserved per station', async () => {
    const { url, requests } = await serve({
      '45.1885': 'town-hall.json',
      '45.3629': 'airport-imperial.json',
    });
    const source = createWeatherSource({ url: `${url}/v1/forecast`, stations, every: 900_000 });
    const context = testFetchContext();
    const entities = await source.transform(await source.fetch(context), context);
    expect(entities.map((entity) => entity.id)).toEqual([
      'urn:ngsi-ld:WeatherObserved:town-hall',
      'urn:ngsi-ld:WeatherObserved:airport',
    ]);
    expect(requests[0]?.searchParams.get('current')).toBe(
      'temperature_2m,relative_humidity_2m,wind_speed_10m,wind_direction_10m,precipitation,surface_pressure',
    );
    expect(source).toMatchObject({
      id: 'weather',
      entityTypes: ['WeatherObserved'],
      schedule: { every: 900_000 },
    });
  });

  it('fails the run with a permanent error when no station can be read', async () => {
    const { url } = await serve({ '45.1885': 'bad-unit.json' });
    const source = createWeatherSource({ url, stations: stations.slice(0, 1), every: 60_000 });
    const { log, lines } = testLogger();
    const context = testFetchContext(log);
    const raw = await source.fetch(context);
    await expect(
      Promise.resolve().then(() => source.transform(raw, context)),
    ).rejects.toMatchObject({
      name: 'PermanentError',
      kind: 'transform',
      message: expect.stringContaining('current_units.wind_speed_10m: unit "Beaufort"'),
    });
    expect(lines().some((line) => line.severity === 'warn')).toBe(true);
  });
});

describe('forecastUrl', () => {
  it('keeps the endpoint query and sets the station position', () => {
    const url = new URL(forecastUrl('https://meteo.example/v1/forecast?models=icon', stations[0]!));
    expect(url.searchParams.get('models')).toBe('icon');
    expect(url.searchParams.get('latitude')).toBe('45.1885');
    expect(url.searchParams.get('longitude')).toBe('5.7245');
  });
});
