'use client';

import type * as maplibregl from 'maplibre-gl';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { useEffect, useState, type RefObject } from 'react';
import { mapStyle, MAPLIBRE_WORKER_URL } from './map-style.js';
import type { MapViewModel } from './map-types.js';

/** The maplibre-gl module, loaded in the browser only. */
export type MapLibreModule = typeof maplibregl;

declare global {
  interface Window {
    /** The last map created on the page, for browser tests. */
    __legocityMap?: MapLibreMap;
    /** True once every layer's first data is drawn and the map is idle. */
    __legocityMapReady?: boolean;
  }
}

/** The map once its style has loaded, and the module to build popups and controls with. */
export interface MapHandle {
  map: MapLibreMap;
  maplibre: MapLibreModule;
}

/**
 * Creates a MapLibre map in `container` for a map view: its basemap, centre, zoom and bounds,
 * zoom buttons; removes it on unmount. MapLibre is imported inside the effect, so it never runs
 * on the server, and its worker comes from `/maplibre/` (copied there at build).
 *
 * @returns the map once its style has loaded, and a load error message if it could not start
 * @example const { handle } = useMapLibre(containerRef, view);
 */
export function useMapLibre(
  container: RefObject<HTMLDivElement | null>,
  view: MapViewModel,
): { handle: MapHandle | null; error: string | null } {
  const [handle, setHandle] = useState<MapHandle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { basemap, bounds } = view;
  const { lon, lat, zoom } = view.centre;
  const boundsKey = bounds?.join(',');

  useEffect(() => {
    let isCancelled = false;
    let created: MapLibreMap | undefined;
    import('maplibre-gl')
      .then((maplibre) => {
        const element = container.current;
        if (isCancelled || !element) return;
        maplibre.setWorkerUrl(MAPLIBRE_WORKER_URL);
        const map = new maplibre.Map({
          container: element,
          style: mapStyle(basemap) as StyleSpecification | string,
          center: [lon, lat],
          zoom,
          ...(bounds ? { maxBounds: bounds } : {}),
          attributionControl: { compact: true },
        });
        created = map;
        map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-left');
        window.__legocityMap = map;
        window.__legocityMapReady = false;
        map.on('load', () => {
          if (!isCancelled) setHandle({ map, maplibre });
        });
      })
      .catch((cause: unknown) => {
        if (!isCancelled) setError(cause instanceof Error ? cause.message : String(cause));
      });
    return () => {
      isCancelled = true;
      setHandle(null);
      if (created && window.__legocityMap === created) {
        window.__legocityMap = undefined;
        window.__legocityMapReady = false;
      }
      created?.remove();
    };
    // bounds is compared by value through boundsKey.
  }, [container, basemap, lon, lat, zoom, boundsKey]);
  return { handle, error };
}
