import { describe, expect, it } from 'vitest';
import { validateEntity } from '@legocity/updater-runtime';
import { readFixture } from '../../testing/source-testing.test-support.js';
import { openDataContract } from './contract.js';
import { fixtureMapping } from './test-mappings.test-support.js';
import { transformOpenData } from './transform.js';

describe('openDataContract', () => {
  it.each([
    ['parkings', 'parkings.csv'],
    ['cycle-lanes', 'cycle-lanes.csv'],
    ['flood-zones', 'flood-zones.geojson'],
  ])('accepts every entity the %s mapping writes', (name, file) => {
    const mapping = fixtureMapping(name);
    const result = transformOpenData(readFixture(`open-data/${file}`), mapping);
    expect(result.ok && result.entities.length).toBeGreaterThan(0);
    const contract = openDataContract(mapping);
    for (const entity of result.ok ? result.entities : []) {
      expect(validateEntity(entity, contract)).toEqual([]);
    }
  });

  it('describes the mapped attributes with their types, units and allowed geometries', () => {
    expect(openDataContract(fixtureMapping('parkings'))).toEqual({
      type: 'OffStreetParking',
      version: '1.0.0',
      idPattern: 'urn:ngsi-ld:OffStreetParking:[A-Za-z0-9._%-]+',
      description: 'OffStreetParking loaded from CSV open data (parkings).',
      attributes: [
        {
          name: 'name',
          kind: 'Property',
          valueType: 'string',
          required: true,
          description: 'From column "name".',
        },
        {
          name: 'totalSpotNumber',
          kind: 'Property',
          valueType: 'integer',
          required: true,
          description: 'From column "capacity".',
        },
        {
          name: 'maximumAllowedHeight',
          kind: 'Property',
          valueType: 'number',
          unitCode: 'MTR',
          required: false,
          description: 'From column "max_height_m".',
        },
        { name: 'location', kind: 'GeoProperty', geometry: ['Point'] },
      ],
    });
  });
});
