import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/source-testing.test-support.js';
import { transformAirQuality } from './transform.js';

const townHall = { id: 'town-hall', name: 'Town Hall', latitude: 45.1885, longitude: 5.7245 };
const ringRoad = { id: 'ring-road', name: 'Ring Road', latitude: 45.15, longitude: 5.75 };
const fixture = (name: string): unknown => JSON.parse(readFixture(`air-quality/${name}`));

describe('transformAirQuality', () => {
  it('writes concentrations in µg/m³ and the AQI with the pollutant that sets it', () => {
    const { entities, problems } = transformAirQuality([
      { station: townHall, response: fixture('town-hall.json') },
    ]);
    expect(problems).toEqual([]);
    const observedAt = '2024-05-01T12:00:00.000Z';
    const gq = (value: number) => ({ type: 'Property', value, unitCode: 'GQ', observedAt });
    expect(entities).toEqual([
      {
        id: 'urn:ngsi-ld:AirQualityObserved:town-hall',
        type: 'AirQualityObserved',
        name: { type: 'Property', value: 'Town Hall' },
        location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [5.7245, 45.1885] } },
        dateObserved: { type: 'Property', value: { '@type': 'DateTime', '@value': observedAt } },
        pm10: gq(18.6),
        pm25: gq(12.3),
        no2: gq(21.4),
        o3: gq(88),
        so2: gq(1.9),
        co: gq(187),
        airQualityIndex: { type: 'Property', value: 57, observedAt },
        airQualityLevel: { type: 'Property', value: 'moderate', observedAt },
        responsiblePollutant: { type: 'Property', value: 'pm25', observedAt },
      },
    ]);
  });

  it('names ozone on a summer afternoon and leaves out a pollutant sent as null', () => {
    const [entity] = transformAirQuality([
      { station: ringRoad, response: fixture('ring-road-ozone.json') },
    ]).entities;
    expect(entity).not.toHaveProperty('so2');
    expect(entity).toMatchObject({
      airQualityIndex: { value: 140 },
      airQualityLevel: { value: 'unhealthyForSensitiveGroups' },
      responsiblePollutant: { value: 'o3' },
    });
  });

  it('converts mg/m³ to µg/m³', () => {
    const [entity] = transformAirQuality([
      {
        station: townHall,
        response: {
          current_units: { carbon_monoxide: 'mg/m³' },
          current: { time: '2024-05-01T12:00', carbon_monoxide: 0.25 },
        },
      },
    ]).entities;
    expect(entity?.co).toMatchObject({ value: 250, unitCode: 'GQ' });
  });

  it('writes no index when no pollutant was measured', () => {
    const [entity] = transformAirQuality([
      { station: townHall, response: { current_units: {}, current: { time: '2024-05-01T12:00' } } },
    ]).entities;
    expect(entity).not.toHaveProperty('airQualityIndex');
  });

  it('skips a station with an unknown unit and names the field', () => {
    const { entities, problems } = transformAirQuality([
      {
        station: townHall,
        response: {
          current_units: { ozone: 'ppb' },
          current: { time: '2024-05-01T12:00', ozone: 40 },
        },
      },
    ]);
    expect(entities).toEqual([]);
    expect(problems).toEqual([
      'station "Town Hall": current_units.ozone: unit "ppb" is not µg/m³ or mg/m³',
    ]);
  });
});
