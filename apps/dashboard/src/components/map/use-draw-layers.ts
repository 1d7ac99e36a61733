'use client';

import type { AddLayerObject, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import {
  buildMapLayers,
  isClustered,
  sourceId,
  type DrawState,
  type MapLayerSpec,
} from './build-map-layers.js';
import { toSourceData, type FeatureStore } from './feature-store.js';
import type { MapLayerView } from './map-types.js';
import type { LayerData } from './use-layer-data.js';

type PaintName = Parameters<MapLibreMap['setPaintProperty']>[1];

/** What one layer has on the map now. */
interface Drawn {
  isClustered: boolean;
  parts: MapLayerSpec[];
  store: FeatureStore;
  replay: ReadonlyMap<string, number | null> | undefined;
  isVisible: boolean;
}

/** Drawing bands, bottom to top, so points stay clickable above lines and areas. */
const BAND: Record<MapLayerSpec['type'], number> = {
  fill: 0,
  heatmap: 0,
  line: 1,
  circle: 2,
  symbol: 3,
};

/** Parts are re-created when anything but their paint changes. */
const shapeKey = (parts: readonly MapLayerSpec[]) =>
  JSON.stringify(parts.map(({ paint: _paint, ...rest }) => rest));

function beforeIdFor(map: MapLibreMap, band: number): string | undefined {
  for (const layer of map.getStyle().layers) {
    if (!layer.id.startsWith('lc-')) continue;
    const type = layer.type as MapLayerSpec['type'];
    if ((BAND[type] ?? 0) > band) return layer.id;
  }
  return undefined;
}

function addParts(map: MapLibreMap, parts: readonly MapLayerSpec[], isVisible: boolean): void {
  for (const part of parts) {
    const spec = {
      ...part,
      layout: { ...part.layout, visibility: isVisible ? 'visible' : 'none' },
    };
    map.addLayer(spec as unknown as AddLayerObject, beforeIdFor(map, BAND[part.type]));
  }
}

function removeParts(map: MapLibreMap, parts: readonly MapLayerSpec[]): void {
  for (const part of parts) if (map.getLayer(part.id)) map.removeLayer(part.id);
}

function updatePaint(
  map: MapLibreMap,
  old: readonly MapLayerSpec[],
  next: readonly MapLayerSpec[],
) {
  next.forEach((part, index) => {
    const before = old[index]?.paint ?? {};
    for (const [name, value] of Object.entries(part.paint ?? {})) {
      if (JSON.stringify(before[name]) !== JSON.stringify(value))
        map.setPaintProperty(part.id, name as PaintName, value as never);
    }
  });
}

/** Inputs of {@link useDrawLayers}. */
export interface DrawInputs {
  map: MapLibreMap | null;
  layers: readonly MapLayerView[];
  data: ReadonlyMap<string, LayerData>;
  states: ReadonlyMap<string, DrawState>;
  visible: ReadonlySet<string>;
  /** The replayed layer and the value of each of its entities at the chosen hour. */
  replay?: { layerId: string; values: ReadonlyMap<string, number | null> };
}

/**
 * Keeps the map's sources and layers in step with the data: one GeoJSON source per layer
 * (re-created when clustering switches on or off), its parts from buildMapLayers (paint changes
 * applied in place, other changes re-create the parts), visibility from the toggles.
 */
export function useDrawLayers({ map, layers, data, states, visible, replay }: DrawInputs): void {
  const drawn = useRef(new Map<string, Drawn>());

  useEffect(() => {
    if (!map) return;
    const onMap = drawn.current;
    for (const layer of layers) {
      const layerData = data.get(layer.id);
      const state = states.get(layer.id);
      if (!layerData?.hasLoaded || !state) continue;
      const replayValues = replay?.layerId === layer.id ? replay.values : undefined;
      const clustered = isClustered(layer, state);
      const parts = buildMapLayers(layer, state);
      const isVisible = visible.has(layer.id);
      const source = sourceId(layer.id);
      let current = onMap.get(layer.id);
      if (current && current.isClustered !== clustered) {
        removeParts(map, current.parts);
        if (map.getSource(source)) map.removeSource(source);
        current = undefined;
      }
      if (!current) {
        map.addSource(source, {
          type: 'geojson',
          data: toSourceData(layerData.store, replayValues),
          cluster: clustered,
          clusterRadius: 50,
          clusterMaxZoom: 15,
        });
        addParts(map, parts, isVisible);
        onMap.set(layer.id, {
          isClustered: clustered,
          parts,
          store: layerData.store,
          replay: replayValues,
          isVisible,
        });
        continue;
      }
      if (current.store !== layerData.store || current.replay !== replayValues) {
        void map
          .getSource<GeoJSONSource>(source)
          ?.setData(toSourceData(layerData.store, replayValues));
      }
      if (shapeKey(current.parts) !== shapeKey(parts)) {
        removeParts(map, current.parts);
        addParts(map, parts, isVisible);
      } else {
        updatePaint(map, current.parts, parts);
        if (current.isVisible !== isVisible)
          for (const part of parts)
            map.setLayoutProperty(part.id, 'visibility', isVisible ? 'visible' : 'none');
      }
      onMap.set(layer.id, {
        isClustered: clustered,
        parts,
        store: layerData.store,
        replay: replayValues,
        isVisible,
      });
    }
  }, [map, layers, data, states, visible, replay]);

  useEffect(() => {
    const onMap = drawn.current;
    return () => onMap.clear();
  }, [map]);
}
