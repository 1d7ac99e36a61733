import { offlineStyle, type BasemapStyle } from '@legocity/basemap/style';

/** Where `scripts/copy-public-assets.mjs` puts the basemap files. */
export const BASEMAP_ASSETS_URL = '/basemap';
/** Where the same script puts MapLibre's worker (see `maplibregl.setWorkerUrl`). */
export const MAPLIBRE_WORKER_URL = '/maplibre/maplibre-gl-worker.mjs';

/**
 * The MapLibre style of a map view: the bundled offline basemap for `offline` (or anything that
 * is not an http(s) URL), else the style URL as given.
 * @example mapStyle('offline') // { version: 8, sources: { 'basemap-land': … } … }
 */
export function mapStyle(basemap: string): BasemapStyle | string {
  if (/^https?:\/\//i.test(basemap)) return basemap;
  return offlineStyle({ assetsBaseUrl: BASEMAP_ASSETS_URL });
}
