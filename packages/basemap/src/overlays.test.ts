import { describe, expect, it } from 'vitest';
import type { BasemapOverlay } from './overlays.js';
import { offlineStyle } from './style.js';

const streets: BasemapOverlay = {
  id: 'streets',
  data: '/demo/streets.geojson',
  attribution: '© LegoCity demo',
  layers: [
    { type: 'line', paint: { 'line-color': '#888', 'line-width': 2 }, minzoom: 12 },
    { id: 'street-names', type: 'symbol', layout: { 'text-field': ['get', 'name'] } },
  ],
};

describe('offlineStyle overlays', () => {
  it('adds each overlay as a GeoJSON source with its layers above the basemap', () => {
    const style = offlineStyle({ assetsBaseUrl: '/basemap', overlays: [streets] });
    expect(style.sources.streets).toEqual({
      type: 'geojson',
      data: '/demo/streets.geojson',
      attribution: '© LegoCity demo',
    });
    expect(style.layers.slice(4)).toEqual([
      {
        id: 'streets-0',
        type: 'line',
        source: 'streets',
        minzoom: 12,
        paint: { 'line-color': '#888', 'line-width': 2 },
      },
      {
        id: 'street-names',
        type: 'symbol',
        source: 'streets',
        layout: { 'text-font': ['Noto Sans Regular'], 'text-field': ['get', 'name'] },
      },
    ]);
  });

  it('keeps inline GeoJSON and a text-font the caller chose', () => {
    const data = { type: 'FeatureCollection', features: [] };
    const style = offlineStyle({
      assetsBaseUrl: '/basemap',
      overlays: [
        { id: 'pins', data, layers: [{ type: 'symbol', layout: { 'text-font': ['X'] } }] },
      ],
    });
    expect(style.sources.pins?.data).toBe(data);
    expect(style.layers[4]?.layout).toEqual({ 'text-font': ['X'] });
  });

  it('rejects reserved, duplicate and empty ids, missing data and unknown layer types', () => {
    const overlays = [
      { id: 'basemap-roads', data: '/a.geojson', layers: [{ type: 'line' as const }] },
      { id: 'a', data: '', layers: [] },
      { id: 'a', data: '/b.geojson', layers: [{ type: 'circle' as 'line', id: '' }] },
    ];
    const build = () => offlineStyle({ assetsBaseUrl: '/basemap', overlays });
    expect(build).toThrow(/overlays\[0\]\.id: 'basemap-roads' starts with 'basemap-'/);
    expect(build).toThrow(/overlays\[1\]\.data: must be a URL or a GeoJSON object/);
    expect(build).toThrow(/overlays\[1\]\.layers: must list at least one layer/);
    expect(build).toThrow(/overlays\[2\]\.id: 'a' is used more than once/);
    expect(build).toThrow(/overlays\[2\]\.layers\[0\]\.id: must be a non-empty string/);
    expect(build).toThrow(/overlays\[2\]\.layers\[0\]\.type: must be 'line', 'fill' or 'symbol'/);
  });

  it('rejects two layers with the same id across overlays', () => {
    const overlays: BasemapOverlay[] = [
      { id: 'a', data: '/a.geojson', layers: [{ id: 'lines', type: 'line' }] },
      { id: 'b', data: '/b.geojson', layers: [{ id: 'lines', type: 'line' }] },
    ];
    expect(() => offlineStyle({ assetsBaseUrl: '/basemap', overlays })).toThrow(
      /overlays\[1\]\.layers\[0\]\.id: 'lines' is used more than once/,
    );
  });
});
