'use client';

import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import type { MapLayerView } from './map-types.js';
import type { LayerData } from './use-layer-data.js';

/**
 * True once every layer's first answer (data or error) is drawn and the map has gone idle; also
 * sets `window.__legocityMapReady` for browser tests and benchmarks.
 * @example const isReady = useMapReady(map, view.layers, data);
 */
export function useMapReady(
  map: MapLibreMap | null,
  layers: readonly MapLayerView[],
  data: ReadonlyMap<string, LayerData>,
): boolean {
  const [isReady, setReady] = useState(false);
  const isEveryLayerSettled = layers.every((layer) => {
    const layerData = data.get(layer.id);
    return layerData && (layerData.hasLoaded || layerData.hasError || layerData.isUnreachable);
  });
  useEffect(() => {
    if (!map || isReady || !isEveryLayerSettled) return;
    const markReady = () => {
      window.__legocityMapReady = true;
      setReady(true);
    };
    map.once('idle', markReady);
    map.triggerRepaint();
    return () => {
      map.off('idle', markReady);
    };
  }, [map, isReady, isEveryLayerSettled]);
  return isReady;
}
