import { describe, expect, it } from 'vitest';
import { validateEntity } from '@legocity/updater-runtime';
import { readFixture } from '../../testing/source-testing.test-support.js';
import { airQualityObservedContract } from './contract.js';
import { transformAirQuality } from './transform.js';

const station = { id: 'ring-road', name: 'Ring Road', latitude: 45.15, longitude: 5.75 };

describe('airQualityObservedContract', () => {
  it.each(['town-hall.json', 'ring-road-ozone.json'])(
    'accepts what the transform writes from %s',
    (file) => {
      const response: unknown = JSON.parse(readFixture(`air-quality/${file}`));
      const [entity] = transformAirQuality([{ station, response }]).entities;
      expect(entity).toBeDefined();
      expect(validateEntity(entity!, airQualityObservedContract)).toEqual([]);
    },
  );

  it('refuses a concentration without its unit and a fractional index', () => {
    const entity = {
      id: 'urn:ngsi-ld:AirQualityObserved:ring-road',
      type: 'AirQualityObserved',
      name: { type: 'Property', value: 'Ring Road' },
      location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [5.75, 45.15] } },
      dateObserved: {
        type: 'Property',
        value: { '@type': 'DateTime', '@value': '2024-05-01T12:00:00Z' },
      },
      pm25: { type: 'Property', value: 12 },
      airQualityIndex: { type: 'Property', value: 56.5 },
    };
    expect(validateEntity(entity, airQualityObservedContract)).toEqual([
      'urn:ngsi-ld:AirQualityObserved:ring-road pm25: unitCode must be "GQ", got none',
      'urn:ngsi-ld:AirQualityObserved:ring-road airQualityIndex: value must be an integer, got 56.5',
    ]);
  });
});
