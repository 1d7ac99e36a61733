import { describe, expect, it } from 'vitest';
import { mergeFeatures } from './feature-store.js';
import type { LayerStyle, MapLayerView } from './map-types.js';
import { replayCandidates } from './replay-candidates.js';

function layer(id: string, style: LayerStyle, choroplethAttribute?: string): MapLayerView {
  return {
    id,
    label: id,
    entityType: 'T',
    style,
    colour: '#000',
    refresh: 'interval',
    refreshSeconds: 60,
    choroplethAttribute,
  };
}
const store = (properties: Record<string, unknown>) =>
  mergeFeatures(new Map(), [{ type: 'Feature', id: 'e', geometry: null, properties }]);

describe('replayCandidates', () => {
  it('puts choropleth layers and their attribute first', () => {
    const data = new Map([
      ['a', { store: store({ speed: 3 }), isAggregated: false, hasLoaded: true }],
      ['b', { store: store({ free: 2, occupancy: 0.5 }), isAggregated: false, hasLoaded: true }],
    ]);
    const candidates = replayCandidates(
      [layer('a', 'points'), layer('b', 'choropleth', 'occupancy')],
      data,
    );
    expect(candidates).toEqual([
      { layerId: 'b', label: 'b', attributes: ['occupancy', 'free'] },
      { layerId: 'a', label: 'a', attributes: ['speed'] },
    ]);
  });

  it('leaves out aggregated, unloaded and non-numeric layers', () => {
    const data = new Map([
      ['a', { store: store({ n: 1 }), isAggregated: true, hasLoaded: true }],
      ['b', { store: store({ name: 'x' }), isAggregated: false, hasLoaded: true }],
    ]);
    expect(
      replayCandidates([layer('a', 'points'), layer('b', 'points'), layer('c', 'points')], data),
    ).toEqual([]);
  });
});
