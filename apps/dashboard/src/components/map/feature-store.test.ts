import { describe, expect, it } from 'vitest';
import {
  ID_PROPERTY,
  mergeFeatures,
  newestModifiedAt,
  numericAttributes,
  REPLAY_PROPERTY,
  toSourceData,
} from './feature-store.js';
import type { LayerFeature } from './map-types.js';

function feature(id: string, properties: Record<string, unknown>, lon = 108.2): LayerFeature {
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, 16] }, properties };
}

describe('mergeFeatures', () => {
  it('adds new entities and replaces known ones by id', () => {
    const first = mergeFeatures(new Map(), [feature('a', { v: 1 }), feature('b', { v: 2 })]);
    const second = mergeFeatures(first, [feature('a', { v: 9 }, 108.3)]);
    expect([...second.keys()]).toEqual(['a', 'b']);
    expect(second.get('a')?.properties.v).toBe(9);
    expect(second.get('a')?.geometry).toEqual({ type: 'Point', coordinates: [108.3, 16] });
    expect(first.get('a')?.properties.v).toBe(1);
  });

  it('keeps attributes an update leaves out', () => {
    const store = mergeFeatures(new Map(), [feature('a', { name: 'A', v: 1 })]);
    expect(mergeFeatures(store, [feature('a', { v: 2 })]).get('a')?.properties).toEqual({
      name: 'A',
      v: 2,
    });
  });
});

describe('toSourceData', () => {
  it('flattens properties, adds the id and drops features without geometry', () => {
    const store = mergeFeatures(new Map(), [
      feature('a', { v: 1, address: { city: 'x' } }),
      { type: 'Feature', id: 'b', geometry: null, properties: {} },
    ]);
    const data = toSourceData(store);
    expect(data.features).toHaveLength(1);
    expect(data.features[0]!.properties).toEqual({ v: 1, [ID_PROPERTY]: 'a' });
  });

  it('puts the replayed value of each entity, null when unknown', () => {
    const store = mergeFeatures(new Map(), [feature('a', {}), feature('b', {})]);
    const data = toSourceData(store, new Map([['a', 4]]));
    expect(data.features.map((f) => f.properties[REPLAY_PROPERTY])).toEqual([4, null]);
  });
});

describe('newestModifiedAt and numericAttributes', () => {
  it('finds the latest modification time', () => {
    const features = [
      feature('a', { modifiedAt: '2026-11-23T10:00:00Z' }),
      feature('b', { modifiedAt: '2026-11-23T11:00:00Z' }),
    ];
    expect(newestModifiedAt(features)).toBe('2026-11-23T11:00:00Z');
  });

  it('lists numeric attributes, most frequent first', () => {
    const features = [feature('a', { x: 1, y: 2, s: 's' }), feature('b', { y: 3 })];
    expect(numericAttributes(features)).toEqual(['y', 'x']);
  });
});

describe('numericAttributes sampling', () => {
  it('looks only at the first features of a large layer', () => {
    const features = [feature('a', { x: 1 }), feature('b', { y: 2 })];
    expect(numericAttributes(features, 1)).toEqual(['x']);
  });
});
