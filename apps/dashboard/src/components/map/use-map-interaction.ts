'use client';

import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { ID_PROPERTY } from './feature-store.js';
import type { LonLat } from './geometry-anchor.js';

/** Called when a reader clicks or taps an entity on the map. */
export type SelectEntity = (layerId: string, entityId: string, at: LonLat) => void;

const SOURCE_PREFIX = 'lc-';

function clickableIds(map: MapLibreMap): string[] {
  return map
    .getStyle()
    .layers.filter(
      (layer) =>
        layer.id.startsWith(SOURCE_PREFIX) && layer.type !== 'symbol' && layer.type !== 'heatmap',
    )
    .map((layer) => layer.id);
}

function pick(map: MapLibreMap, point: PointLike) {
  const layers = clickableIds(map);
  return layers.length === 0 ? undefined : map.queryRenderedFeatures(point, { layers })[0];
}

/**
 * Clicks on the map: a cluster zooms in until it splits, an entity is selected; the pointer
 * turns into a hand over anything clickable.
 * @example useMapInteraction(map, (layerId, entityId, at) => openEntity(layerId, entityId, at));
 */
export function useMapInteraction(map: MapLibreMap | null, onSelect: SelectEntity): void {
  const latest = useRef(onSelect);
  useEffect(() => {
    latest.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    if (!map) return;
    const onClick = (event: MapMouseEvent) => {
      const feature = pick(map, event.point);
      if (!feature || !feature.source.startsWith(SOURCE_PREFIX)) return;
      const properties = feature.properties as Record<string, unknown>;
      const geometry = feature.geometry as unknown as { type: string; coordinates: unknown };
      if (typeof properties.cluster_id === 'number' && geometry.type === 'Point') {
        const centre = geometry.coordinates as [number, number];
        const source = map.getSource<GeoJSONSource>(feature.source);
        source
          ?.getClusterExpansionZoom(properties.cluster_id)
          .then((zoom) => map.easeTo({ center: centre, zoom }))
          .catch(() => map.easeTo({ center: centre, zoom: map.getZoom() + 2 }));
        return;
      }
      const entityId = properties[ID_PROPERTY];
      if (typeof entityId !== 'string') return;
      latest.current(feature.source.slice(SOURCE_PREFIX.length), entityId, [
        event.lngLat.lng,
        event.lngLat.lat,
      ]);
    };
    const onMove = (event: MapMouseEvent) => {
      map.getCanvas().style.cursor = pick(map, event.point) ? 'pointer' : '';
    };
    map.on('click', onClick);
    map.on('mousemove', onMove);
    return () => {
      map.off('click', onClick);
      map.off('mousemove', onMove);
    };
  }, [map]);
}
