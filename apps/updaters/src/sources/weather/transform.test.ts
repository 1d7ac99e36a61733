import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/source-testing.test-support.js';
import { transformWeather } from './transform.js';

const townHall = { id: 'town-hall', name: 'Town Hall', latitude: 45.1885, longitude: 5.7245 };
const airport = { id: 'airport', name: 'Airport', latitude: 45.3629, longitude: 5.3294 };
const fixture = (name: string): unknown => JSON.parse(readFixture(`weather/${name}`));

describe('transformWeather', () => {
  it('writes a WeatherObserved with contract units and observedAt on every measure', () => {
    const { entities, problems } = transformWeather([
      { station: townHall, response: fixture('town-hall.json') },
    ]);
    expect(problems).toEqual([]);
    const observedAt = '2024-05-01T12:00:00.000Z';
    expect(entities).toEqual([
      {
        id: 'urn:ngsi-ld:WeatherObserved:town-hall',
        type: 'WeatherObserved',
        name: { type: 'Property', value: 'Town Hall' },
        location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [5.7245, 45.1885] } },
        dateObserved: { type: 'Property', value: { '@type': 'DateTime', '@value': observedAt } },
        temperature: { type: 'Property', value: 18.4, unitCode: 'CEL', observedAt },
        relativeHumidity: { type: 'Property', value: 0.62, unitCode: 'C62', observedAt },
        windSpeed: { type: 'Property', value: 3.5, unitCode: 'MTS', observedAt },
        windDirection: { type: 'Property', value: 327, unitCode: 'DD', observedAt },
        precipitation: { type: 'Property', value: 0.2, unitCode: 'MMT', observedAt },
        atmosphericPressure: { type: 'Property', value: 988.3, unitCode: 'A97', observedAt },
      },
    ]);
  });

  it('converts imperial units and a local time with its UTC offset', () => {
    const [entity] = transformWeather([
      { station: airport, response: fixture('airport-imperial.json') },
    ]).entities;
    expect(entity).toMatchObject({
      temperature: { value: 15, unitCode: 'CEL', observedAt: '2024-05-01T12:00:00.000Z' },
      windSpeed: { value: 4.47, unitCode: 'MTS' },
      precipitation: { value: 0.25, unitCode: 'MMT' },
      relativeHumidity: { value: 0.71 },
    });
  });

  it('gives the same entities for the same answers', () => {
    const readings = [{ station: townHall, response: fixture('town-hall.json') }];
    expect(transformWeather(readings)).toEqual(transformWeather(readings));
  });

  it('leaves out a variable the API sent as null', () => {
    const response = fixture('town-hall.json') as { current: Record<string, unknown> };
    response.current.precipitation = null;
    const [entity] = transformWeather([{ station: townHall, response }]).entities;
    expect(entity).not.toHaveProperty('precipitation');
    expect(entity).toHaveProperty('temperature');
  });

  it('skips a station with an unknown unit, names it, and keeps the others', () => {
    const { entities, problems } = transformWeather([
      { station: airport, response: fixture('bad-unit.json') },
      { station: townHall, response: fixture('town-hall.json') },
    ]);
    expect(entities.map((entity) => entity.id)).toEqual(['urn:ngsi-ld:WeatherObserved:town-hall']);
    expect(problems).toEqual([
      'station "Airport": current_units.wind_speed_10m: unit "Beaufort" is not one of m/s, km/h, mp/h, mph, kn',
    ]);
  });

  it('reports every broken field of an answer', () => {
    const { problems } = transformWeather([
      {
        station: townHall,
        response: {
          current_units: { temperature_2m: '°C' },
          current: { time: 'yesterday', temperature_2m: 'warm', relative_humidity_2m: 50 },
        },
      },
      { station: airport, response: 'Service Unavailable' },
    ]);
    expect(problems).toEqual([
      'station "Town Hall": current.time: expected an ISO 8601 time or Unix seconds, got "yesterday"',
      'station "Town Hall": current.temperature_2m: expected a number, got "warm"',
      'station "Town Hall": current_units.relative_humidity_2m: expected the unit of current.relative_humidity_2m',
      'station "Airport": answer: expected a JSON object',
    ]);
  });

  it('reads Unix-seconds times', () => {
    const [entity] = transformWeather([
      {
        station: townHall,
        response: {
          current_units: { temperature_2m: '°C' },
          current: { time: 1714564800, temperature_2m: 1 },
        },
      },
    ]).entities;
    expect(entity?.temperature).toMatchObject({ observedAt: '2024-05-01T12:00:00.000Z' });
  });
});
