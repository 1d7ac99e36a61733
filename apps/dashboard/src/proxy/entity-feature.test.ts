import { describe, expect, it } from 'vitest';
import { entityToFeature } from './entity-feature.js';

describe('entityToFeature', () => {
  const entity = {
    id: 'urn:ngsi-ld:Sensor:1',
    type: 'Sensor',
    value: 4,
    secret: 'x',
    modifiedAt: '2024-05-01T10:00:00.000Z',
    location: { type: 'Point', coordinates: [1, 2] },
  };

  it('keeps the configured attributes, the geometry and system attributes only', () => {
    expect(entityToFeature(entity, 'location', ['value'])).toEqual({
      id: 'urn:ngsi-ld:Sensor:1',
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [1, 2] },
      properties: {
        type: 'Sensor',
        value: 4,
        modifiedAt: '2024-05-01T10:00:00.000Z',
        location: { type: 'Point', coordinates: [1, 2] },
      },
    });
  });

  it('gives a null geometry when the GeoProperty is missing or not a geometry', () => {
    expect(entityToFeature({ ...entity, location: 'here' }, 'location')?.geometry).toBeNull();
    expect(entityToFeature(entity, 'position')?.geometry).toBeNull();
  });

  it('skips an entity without an id', () => {
    expect(entityToFeature({ type: 'Sensor' }, 'location')).toBeUndefined();
  });
});
