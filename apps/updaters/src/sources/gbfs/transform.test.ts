import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/source-testing.test-support.js';
import { transformGbfs, type GbfsSnapshot } from './transform.js';

const fixture = (path: string): unknown => JSON.parse(readFixture(`gbfs/${path}`));
const v23: GbfsSnapshot = {
  systemId: 'legovelo',
  version: '2.3',
  stationInformation: fixture('v2.3/station_information.json'),
  stationStatus: fixture('v2.3/station_status.json'),
};
const v30: GbfsSnapshot = {
  systemId: 'lego-bikes',
  version: '3.0',
  stationInformation: fixture('v3.0/station_information.json'),
  stationStatus: fixture('v3.0/station_status.json'),
};

describe('transformGbfs', () => {
  it('joins GBFS 2.3 information and status into BikeHireDockingStation entities', () => {
    const { entities, problems } = transformGbfs(v23);
    expect(problems).toEqual([]);
    expect(entities).toHaveLength(4);
    const observedAt = '2024-05-01T12:00:30.000Z';
    expect(entities[0]).toEqual({
      id: 'urn:ngsi-ld:BikeHireDockingStation:legovelo:101',
      type: 'BikeHireDockingStation',
      name: { type: 'Property', value: 'Gare Centrale' },
      location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [5.71446, 45.19119] } },
      totalSlotNumber: { type: 'Property', value: 24 },
      availableBikeNumber: { type: 'Property', value: 7, observedAt },
      freeSlotNumber: { type: 'Property', value: 16, observedAt },
      status: { type: 'Property', value: 'working', observedAt },
      dateLastReported: { type: 'Property', value: { '@type': 'DateTime', '@value': observedAt } },
    });
  });

  it('marks stations not renting or not installed as outOfService', () => {
    const status = transformGbfs(v23).entities.map((entity) => [
      entity.id,
      (entity.status as { value: string }).value,
    ]);
    expect(status).toEqual([
      ['urn:ngsi-ld:BikeHireDockingStation:legovelo:101', 'working'],
      ['urn:ngsi-ld:BikeHireDockingStation:legovelo:102', 'outOfService'],
      ['urn:ngsi-ld:BikeHireDockingStation:legovelo:103', 'outOfService'],
      ['urn:ngsi-ld:BikeHireDockingStation:legovelo:104', 'working'],
    ]);
  });

  it('writes no totalSlotNumber for a station without capacity', () => {
    expect(transformGbfs(v23).entities[3]).not.toHaveProperty('totalSlotNumber');
  });

  it('reads GBFS 3.0: localized names, num_vehicles_available and RFC 3339 times', () => {
    const { entities, problems } = transformGbfs(v30);
    expect(problems).toEqual([]);
    expect(entities[1]).toMatchObject({
      id: 'urn:ngsi-ld:BikeHireDockingStation:lego-bikes:st-old%20town%2F2',
      name: { value: 'Old Town' },
      availableBikeNumber: { value: 2, observedAt: '2024-05-01T09:58:10.000Z' },
      freeSlotNumber: { value: 10 },
      totalSlotNumber: { value: 12 },
      status: { value: 'outOfService' },
      dateLastReported: { value: { '@type': 'DateTime', '@value': '2024-05-01T09:58:10.000Z' } },
    });
  });

  it('picks station names in the preferred language', () => {
    const [entity] = transformGbfs({ ...v30, language: 'fr' }).entities;
    expect(entity?.name).toEqual({ type: 'Property', value: 'Port' });
  });

  it('gives the same entities for the same feeds', () => {
    expect(transformGbfs(v30)).toEqual(transformGbfs(v30));
  });

  it('skips broken stations, names the field, and keeps the others', () => {
    const status = fixture('v2.3/station_status.json') as {
      data: { stations: Array<Record<string, unknown>> };
    };
    status.data.stations[0]!.num_bikes_available = -1;
    status.data.stations[1]!.last_reported = 'yesterday';
    status.data.stations.push({
      station_id: '999',
      num_bikes_available: 1,
      is_installed: true,
      is_renting: true,
      last_reported: 1,
    });
    const { entities, problems } = transformGbfs({ ...v23, stationStatus: status });
    expect(entities.map((entity) => entity.id)).toEqual([
      'urn:ngsi-ld:BikeHireDockingStation:legovelo:103',
      'urn:ngsi-ld:BikeHireDockingStation:legovelo:104',
    ]);
    expect(problems).toEqual([
      'station_status: stations[0].num_bikes_available: expected a whole number ≥ 0, got -1',
      'station_status: stations[1].last_reported: expected POSIX seconds or an RFC 3339 time, got "yesterday"',
      'station_status: stations[4]: station "999" is not in station_information',
    ]);
  });

  it('reports a feed without data.stations', () => {
    expect(transformGbfs({ ...v23, stationStatus: { data: {} } }).problems).toEqual([
      'station_status: data.stations: expected an array',
    ]);
  });
});
