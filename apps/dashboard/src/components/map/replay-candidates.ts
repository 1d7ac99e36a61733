import { numericAttributes, type FeatureStore } from './feature-store.js';
import type { MapLayerView } from './map-types.js';

/** A layer the time slider can replay, with its numeric attributes (best first). */
export interface ReplayCandidate {
  layerId: string;
  label: string;
  attributes: string[];
}

/**
 * The layers that can be replayed: loaded, not aggregated, with a numeric attribute. A
 * choropleth's attribute comes first; choropleth layers come first among the layers.
 * @example replayCandidates(view.layers, data)[0] // { layerId, label: 'Car parks', attributes: ['occupancy', …] }
 */
export function replayCandidates(
  layers: readonly MapLayerView[],
  data: ReadonlyMap<string, { store: FeatureStore; isAggregated: boolean; hasLoaded: boolean }>,
): ReplayCandidate[] {
  const candidates = layers.flatMap((layer) => {
    const layerData = data.get(layer.id);
    if (!layerData?.hasLoaded || layerData.isAggregated) return [];
    const found = numericAttributes(layerData.store.values());
    const first = layer.choroplethAttribute;
    const attributes = first ? [first, ...found.filter((name) => name !== first)] : found;
    return attributes.length > 0
      ? [
          {
            layerId: layer.id,
            label: layer.label,
            attributes,
            isChoropleth: layer.style === 'choropleth',
          },
        ]
      : [];
  });
  return [
    ...candidates.filter((c) => c.isChoropleth),
    ...candidates.filter((c) => !c.isChoropleth),
  ].map(({ isChoropleth: _isChoropleth, ...candidate }) => candidate);
}
