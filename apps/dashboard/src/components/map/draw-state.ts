import type { DrawState } from './build-map-layers.js';
import { valueDomain, type Domain } from './colour-ramp.js';
import type { FeatureStore } from './feature-store.js';
import type { MapLayerView } from './map-types.js';

function* valuesOf(store: FeatureStore, property: string): Generator<unknown> {
  for (const feature of store.values()) yield feature.properties[property];
}

/**
 * How a layer is to be drawn now: aggregated or not, the range of its ramp attribute (counts
 * for aggregated cells), and the replay range while a replay of this layer is shown.
 * @example drawStateOf(layer, { store, isAggregated: false }, undefined)
 */
export function drawStateOf(
  layer: MapLayerView,
  data: { store: FeatureStore; isAggregated: boolean },
  replayDomain: Domain | undefined,
  isReplaying = false,
): DrawState {
  const property = data.isAggregated
    ? 'count'
    : layer.style === 'choropleth'
      ? layer.choroplethAttribute
      : undefined;
  const state: DrawState = {
    isAggregated: data.isAggregated,
    domain: property ? valueDomain(valuesOf(data.store, property)) : undefined,
  };
  if (isReplaying) state.replayDomain = replayDomain;
  return state;
}
