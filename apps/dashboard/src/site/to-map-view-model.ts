import type { MapView } from '../payload-types.js';
import type { MapLayerView, MapViewModel } from './view-models.js';

const DEFAULT_COLOUR = '#1f77b4';
const DEFAULT_REFRESH_SECONDS = 60;

/**
 * The browser's view of a map-view document: layers by row id, no broker details.
 * @example const model = toMapViewModel(await payload.findByID({ collection: 'map-views', id }));
 */
export function toMapViewModel(doc: MapView): MapViewModel {
  const { west, south, east, north } = doc.bounds ?? {};
  const bounds = [west, south, east, north];
  return {
    id: String(doc.id),
    title: doc.title,
    slug: doc.slug,
    centre: { lon: doc.centre.lon, lat: doc.centre.lat, zoom: doc.centre.zoom },
    ...(bounds.every((value) => typeof value === 'number') && {
      bounds: bounds as [number, number, number, number],
    }),
    basemap: doc.basemapStyle || 'offline',
    layers: (doc.layers ?? []).flatMap((layer): MapLayerView[] =>
      layer.id
        ? [
            {
              id: layer.id,
              label: layer.label,
              entityType: layer.entityType,
              style: layer.style,
              colour: layer.colour || DEFAULT_COLOUR,
              ...(layer.choroplethAttribute && { choroplethAttribute: layer.choroplethAttribute }),
              ...(layer.icon && { icon: layer.icon }),
              ...(layer.popupTemplate && { popupTemplate: layer.popupTemplate }),
              refresh: layer.refresh,
              refreshSeconds: layer.refreshSeconds ?? DEFAULT_REFRESH_SECONDS,
            },
          ]
        : [],
    ),
  };
}
