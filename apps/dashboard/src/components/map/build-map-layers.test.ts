import { describe, expect, it } from 'vitest';
import { buildMapLayers, clickablePartIds, isClustered, sourceId } from './build-map-layers.js';
import { legendEntries } from './legend-model.js';
import type { LayerStyle, MapLayerView } from './map-types.js';

function layer(style: LayerStyle, extra: Partial<MapLayerView> = {}): MapLayerView {
  return {
    id: 'L1',
    label: 'Parking',
    entityType: 'OffStreetParking',
    style,
    colour: '#1f77b4',
    refresh: 'interval',
    refreshSeconds: 60,
    ...extra,
  };
}
const live = { isAggregated: false, domain: [0, 1] as [number, number] };

describe('buildMapLayers', () => {
  it('draws clusters with a count label in the bundled font and single points', () => {
    const parts = buildMapLayers(layer('clusters'), live);
    expect(parts.map((p) => p.id)).toEqual([
      'lc-L1-clusters',
      'lc-L1-cluster-count',
      'lc-L1-points',
    ]);
    expect(parts[1]!.layout!['text-font']).toEqual(['Noto Sans Regular']);
    expect(parts.every((p) => p.source === sourceId('L1'))).toBe(true);
  });

  it('colours a choropleth along the attribute', () => {
    const parts = buildMapLayers(layer('choropleth', { choroplethAttribute: 'occupancy' }), live);
    const circle = parts.find((p) => p.type === 'circle')!;
    expect(JSON.stringify(circle.paint!['circle-color'])).toContain('"occupancy"');
    expect(parts.some((p) => p.type === 'fill')).toBe(true);
  });

  it('uses the plain colour for points, lines and polygons', () => {
    expect(buildMapLayers(layer('lines'), live)[0]!.paint!['line-color']).toBe('#1f77b4');
    const polygons = buildMapLayers(layer('polygons'), live);
    expect(polygons.map((p) => p.type)).toEqual(['fill', 'line']);
  });

  it('draws a heatmap with circles for close zooms', () => {
    const parts = buildMapLayers(layer('heatmap'), live);
    expect(parts[0]!.type).toBe('heatmap');
    expect(parts[1]!.minzoom).toBe(14);
  });

  it('draws aggregated answers as count cells whatever the style', () => {
    const parts = buildMapLayers(layer('clusters'), { isAggregated: true, domain: [1, 40] });
    expect(parts.map((p) => p.type)).toEqual(['fill', 'line', 'symbol']);
    expect(JSON.stringify(parts[0]!.paint!['fill-color'])).toContain('"count"');
    expect(isClustered(layer('clusters'), { isAggregated: true, domain: undefined })).toBe(false);
  });

  it('recolours and resizes by the replayed value during a replay', () => {
    const parts = buildMapLayers(layer('points'), { ...live, replayDomain: [0, 10] });
    const circle = parts.find((p) => p.type === 'circle')!;
    expect(JSON.stringify(circle.paint!['circle-color'])).toContain('__replay');
    expect(JSON.stringify(circle.paint!['circle-radius'])).toContain('__replay');
  });

  it('lets labels and heat blur ignore clicks', () => {
    const ids = clickablePartIds(buildMapLayers(layer('clusters'), live));
    expect(ids).toEqual(['lc-L1-clusters', 'lc-L1-points']);
  });
});

describe('legendEntries', () => {
  it('lists only visible layers, with a ramp for choropleths and cells when aggregated', () => {
    const layers = [
      layer('choropleth', { id: 'a', label: 'A', choroplethAttribute: 'occupancy' }),
      layer('points', { id: 'b', label: 'B' }),
      layer('clusters', { id: 'c', label: 'C' }),
    ];
    const states = new Map([
      ['a', live],
      ['c', { isAggregated: true, domain: [1, 9] as [number, number] }],
    ]);
    const entries = legendEntries(layers, new Set(['a', 'c']), states);
    expect(entries.map((e) => e.layerId)).toEqual(['a', 'c']);
    expect(entries[0]!.ramp?.attribute).toBe('occupancy');
    expect(entries[0]!.ramp?.steps).toHaveLength(5);
    expect(entries[1]!.swatch).toBe('cells');
    expect(entries[1]!.isAggregated).toBe(true);
  });

  it('names the replayed attribute during a replay', () => {
    const states = new Map([['b', { ...live, replayDomain: [0, 5] as [number, number] }]]);
    const [entry] = legendEntries([layer('points', { id: 'b' })], new Set(['b']), states, 'speed');
    expect(entry!.ramp?.attribute).toBe('speed');
  });
});
