import { describe, expect, it } from 'vitest';
import { validateEntity } from '@legocity/updater-runtime';
import { readFixture } from '../../testing/source-testing.test-support.js';
import { bikeHireDockingStationContract } from './contract.js';
import { transformGbfs } from './transform.js';

const fixture = (path: string): unknown => JSON.parse(readFixture(`gbfs/${path}`));

describe('bikeHireDockingStationContract', () => {
  it.each(['v2.3', 'v3.0'])(
    'accepts every station the transform writes from the %s feed',
    (version) => {
      const { entities } = transformGbfs({
        systemId: 'lego-bikes',
        version,
        stationInformation: fixture(`${version}/station_information.json`),
        stationStatus: fixture(`${version}/station_status.json`),
      });
      expect(entities.length).toBeGreaterThan(0);
      for (const entity of entities)
        expect(validateEntity(entity, bikeHireDockingStationContract)).toEqual([]);
    },
  );

  it('refuses a station id with a slash and a fractional bike count', () => {
    const entity = {
      id: 'urn:ngsi-ld:BikeHireDockingStation:lego:a/b',
      type: 'BikeHireDockingStation',
      availableBikeNumber: { type: 'Property', value: 1.5 },
    };
    const problems = validateEntity(entity, bikeHireDockingStationContract);
    expect(problems[0]).toMatch(/^urn:ngsi-ld:BikeHireDockingStation:lego:a\/b: id must match/);
    expect(problems).toContain(
      'urn:ngsi-ld:BikeHireDockingStation:lego:a/b availableBikeNumber: value must be an integer, got 1.5',
    );
  });
});
