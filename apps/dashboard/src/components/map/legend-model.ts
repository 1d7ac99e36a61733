import { activeRamp, type DrawState } from './build-map-layers.js';
import type { LayerStyle, MapLayerView } from './map-types.js';

/** The mark drawn next to a legend entry. */
export type LegendSwatch = 'circle' | 'cluster' | 'line' | 'fill' | 'heat' | 'cells';

/** One step of a ramp in the legend: the colour and the value it starts at. */
export interface LegendStep {
  colour: string;
  value: number;
}

/** One entry of the legend. */
export interface LegendEntry {
  layerId: string;
  label: string;
  swatch: LegendSwatch;
  colour: string;
  /** Set when the layer is coloured along a ramp. */
  ramp?: { attribute: string; steps: LegendStep[] };
  isAggregated: boolean;
}

const SWATCH_BY_STYLE: Record<LayerStyle, LegendSwatch> = {
  points: 'circle',
  clusters: 'cluster',
  heatmap: 'heat',
  lines: 'line',
  polygons: 'fill',
  choropleth: 'fill',
};

/**
 * The legend of the visible layers, in the order of the map view. A ramp shows its attribute
 * (the replayed one during a replay, `count` for aggregated cells) and its steps.
 *
 * @param replayAttribute - the attribute being replayed, shown instead of the layer's own
 * @example legendEntries(view.layers, visible, states)
 */
export function legendEntries(
  layers: readonly MapLayerView[],
  visible: ReadonlySet<string>,
  states: ReadonlyMap<string, DrawState>,
  replayAttribute?: string,
): LegendEntry[] {
  return layers
    .filter((layer) => visible.has(layer.id))
    .map((layer) => {
      const state = states.get(layer.id) ?? { isAggregated: false, domain: undefined };
      const ramp = activeRamp(layer, state);
      const entry: LegendEntry = {
        layerId: layer.id,
        label: layer.label,
        swatch: state.isAggregated ? 'cells' : SWATCH_BY_STYLE[layer.style],
        colour: layer.colour,
        isAggregated: state.isAggregated,
      };
      if (ramp && ramp.stops.length > 0) {
        const attribute =
          state.replayDomain !== undefined ? (replayAttribute ?? ramp.property) : ramp.property;
        entry.ramp = {
          attribute,
          steps: ramp.stops.map((stop) => ({ colour: stop.colour, value: stop.value })),
        };
      }
      return entry;
    });
}
