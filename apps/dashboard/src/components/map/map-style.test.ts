import { describe, expect, it } from 'vitest';
import { drawStateOf } from './draw-state.js';
import { mergeFeatures } from './feature-store.js';
import { mapStyle } from './map-style.js';
import type { MapLayerView } from './map-types.js';

describe('mapStyle', () => {
  it('builds the offline basemap from /basemap for "offline"', () => {
    const style = mapStyle('offline');
    expect(typeof style).toBe('object');
    expect(JSON.stringify(style)).toContain('/basemap/land.geojson');
    expect(JSON.stringify(style)).toContain('font-faces');
  });

  it('passes a style URL through', () => {
    expect(mapStyle('https://tiles.example.org/style.json')).toBe(
      'https://tiles.example.org/style.json',
    );
  });
});

describe('drawStateOf', () => {
  const layer: MapLayerView = {
    id: 'p',
    label: 'Parking',
    entityType: 'OffStreetParking',
    style: 'choropleth',
    choroplethAttribute: 'occupancy',
    colour: '#ff7f0e',
    refresh: 'interval',
    refreshSeconds: 60,
  };
  const store = mergeFeatures(new Map(), [
    { type: 'Feature', id: 'a', geometry: null, properties: { occupancy: 0.2, count: 5 } },
    { type: 'Feature', id: 'b', geometry: null, properties: { occupancy: 0.8, count: 9 } },
  ]);

  it('takes the range of the choropleth attribute', () => {
    expect(drawStateOf(layer, { store, isAggregated: false }, undefined)).toEqual({
      isAggregated: false,
      domain: [0.2, 0.8],
    });
  });

  it('takes the range of counts when aggregated, and the replay range while replaying', () => {
    const state = drawStateOf(layer, { store, isAggregated: true }, [1, 2], true);
    expect(state.domain).toEqual([5, 9]);
    expect(state.replayDomain).toEqual([1, 2]);
  });
});
