import { describe, expect, it } from 'vitest';
import { validateEntity } from '@legocity/updater-runtime';
import { weatherObservedContract } from './contract.js';
import { readFixture } from '../../testing/source-testing.test-support.js';
import { transformWeather } from './transform.js';

const station = { id: 'town-hall', name: 'Town Hall', latitude: 45.1885, longitude: 5.7245 };

describe('weatherObservedContract', () => {
  it('accepts what the weather transform writes', () => {
    const response: unknown = JSON.parse(readFixture('weather/town-hall.json'));
    const [entity] = transformWeather([{ station, response }]).entities;
    expect(entity).toBeDefined();
    expect(validateEntity(entity!, weatherObservedContract)).toEqual([]);
  });

  it('refuses a relative humidity given as a percentage', () => {
    const entity = {
      id: 'urn:ngsi-ld:WeatherObserved:x',
      type: 'WeatherObserved',
      relativeHumidity: { type: 'Property', value: 62, unitCode: 'P1' },
    };
    expect(validateEntity(entity, weatherObservedContract)).toEqual([
      'urn:ngsi-ld:WeatherObserved:x relativeHumidity: unitCode must be "C62", got "P1"',
      'urn:ngsi-ld:WeatherObserved:x relativeHumidity: value must be at most 1, got 62',
      'urn:ngsi-ld:WeatherObserved:x name: is required',
      'urn:ngsi-ld:WeatherObserved:x location: is required',
      'urn:ngsi-ld:WeatherObserved:x dateObserved: is required',
    ]);
  });
});
