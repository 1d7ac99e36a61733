import { describe, expect, it } from 'vitest';
import { CORE_CONTEXT_URL } from '../jsonld/core-context.js';
import type { GeoJsonFormatOptions } from './format-options.js';
import { formatEntitiesAsFeatureCollection, formatEntityAsFeature } from './format-geojson.js';
import {
  DEFAULT,
  entity,
  geoProperty,
  LOCATION,
  options,
  property,
} from './format.test-support.js';

function geoOptions(overrides: Partial<GeoJsonFormatOptions> = {}): GeoJsonFormatOptions {
  return { ...options(), geometryProperty: LOCATION, ...overrides };
}

const point = { type: 'Point', coordinates: [2.35, 48.85] };

describe('formatEntityAsFeature', () => {
  it('puts the geometry on top and the type and attributes, geometry included, in properties', () => {
    const stored = entity({ speed: property(80), [LOCATION]: geoProperty([2.35, 48.85]) });
    expect(formatEntityAsFeature(stored, geoOptions())).toEqual({
      id: stored.id,
      type: 'Feature',
      geometry: point,
      properties: {
        type: 'Vehicle',
        location: { type: 'GeoProperty', value: point },
        speed: { type: 'Property', value: 80 },
      },
    });
  });

  it('uses the simplified representation in properties with keyValues', () => {
    const stored = entity({ speed: property(80), [LOCATION]: geoProperty([2.35, 48.85]) });
    expect(
      formatEntityAsFeature(stored, geoOptions({ representation: 'keyValues' })).properties,
    ).toEqual({
      type: 'Vehicle',
      location: point,
      speed: 80,
    });
  });

  it('gives a null geometry when the entity lacks the GeoProperty', () => {
    expect(
      formatEntityAsFeature(entity({ speed: property(80) }), geoOptions()).geometry,
    ).toBeNull();
  });

  it('gives a null geometry when only datasetId instances exist or the value is no geometry', () => {
    const onlyDatasets = entity({
      [LOCATION]: geoProperty([0, 0], { datasetId: 'urn:ngsi-ld:Dataset:gps' }),
    });
    expect(formatEntityAsFeature(onlyDatasets, geoOptions()).geometry).toBeNull();
    const notGeo = entity({ [LOCATION]: property('somewhere') });
    expect(formatEntityAsFeature(notGeo, geoOptions()).geometry).toBeNull();
  });

  it('takes the default instance of a multi-instance GeoProperty', () => {
    const stored = entity({
      [LOCATION]: [
        geoProperty([0, 0], { datasetId: 'urn:ngsi-ld:Dataset:gps' }),
        geoProperty([2.35, 48.85]),
      ],
    });
    expect(formatEntityAsFeature(stored, geoOptions()).geometry).toEqual(point);
  });

  it('selects another GeoProperty when asked', () => {
    const stored = entity({
      [LOCATION]: geoProperty([0, 0]),
      parkingArea: geoProperty([2.35, 48.85]),
    });
    expect(
      formatEntityAsFeature(stored, geoOptions({ geometryProperty: `${DEFAULT}parkingArea` }))
        .geometry,
    ).toEqual(point);
  });

  it('keeps id, geometry and properties.type under pick, projecting attributes only', () => {
    const stored = entity({ speed: property(80), [LOCATION]: geoProperty([2.35, 48.85]) });
    const feature = formatEntityAsFeature(
      stored,
      geoOptions({ pick: new Set([`${DEFAULT}speed`]) }),
    );
    expect(feature).toEqual({
      id: stored.id,
      type: 'Feature',
      geometry: point,
      properties: { type: 'Vehicle', speed: { type: 'Property', value: 80 } },
    });
  });

  it('adds the @context at top level when asked', () => {
    expect(
      formatEntityAsFeature(entity({}), geoOptions({ includeContext: true }))['@context'],
    ).toBe(CORE_CONTEXT_URL);
  });
});

describe('formatEntitiesAsFeatureCollection', () => {
  it('collects features and gives the @context once, at the top', () => {
    const collection = formatEntitiesAsFeatureCollection(
      [
        entity({ [LOCATION]: geoProperty([2.35, 48.85]) }),
        entity({}, { id: 'urn:ngsi-ld:Vehicle:B' }),
      ],
      geoOptions({ includeContext: true }),
    );
    expect(collection.type).toBe('FeatureCollection');
    expect(collection['@context']).toBe(CORE_CONTEXT_URL);
    const features = collection.features as Array<Record<string, unknown>>;
    expect(features.map((feature) => [feature.id, feature.geometry])).toEqual([
      ['urn:ngsi-ld:Vehicle:A4567', point],
      ['urn:ngsi-ld:Vehicle:B', null],
    ]);
    expect(features.every((feature) => !('@context' in feature))).toBe(true);
  });
});
