import {
  BASEMAP_FONT,
  BASEMAP_FONT_FILES,
  BORDERS_FILE,
  COASTLINE_FILE,
  FONTS_FOLDER,
  LAND_FILE,
} from './asset-files.js';
import { messages } from './messages.js';
import { overlayParts } from './overlays.js';
import type { BasemapOverlay } from './overlays.js';
import type { BasemapStyle, GeoJsonSourceSpec, StyleLayerSpec } from './style-types.js';
import { BASEMAP_THEMES } from './themes.js';
import type { BasemapTheme } from './themes.js';

/** Options of {@link offlineStyle}. */
export interface OfflineStyleOptions {
  /** Where the assets folder is served (see copyBasemapAssets), e.g. '/basemap'. */
  assetsBaseUrl: string;
  /** Where the font files are served; `<assetsBaseUrl>/fonts` by default. */
  fontsBaseUrl?: string;
  /** 'light' by default. */
  theme?: BasemapTheme;
  /** Extra GeoJSON sources and layers, drawn above the basemap in the order given. */
  overlays?: readonly BasemapOverlay[];
}

/** Ids of the basemap's sources and layers, bottom to top; overlays may not reuse them. */
export const BASEMAP_LAYER_IDS = {
  ocean: 'basemap-ocean',
  land: 'basemap-land',
  coastline: 'basemap-coastline',
  borders: 'basemap-borders',
} as const;

/**
 * The basemap's GeoJSON is Natural Earth 1:50m: cutting tiles beyond zoom 8 adds no detail, so
 * MapLibre scales zoom-8 tiles up instead, which keeps the worker idle when a city is in view.
 */
const BASEMAP_SOURCE_MAXZOOM = 8;
const ATTRIBUTION = 'Natural Earth';

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}

function source(assetsBaseUrl: string, file: string): GeoJsonSourceSpec {
  return {
    type: 'geojson',
    data: joinUrl(assetsBaseUrl, file),
    attribution: ATTRIBUTION,
    maxzoom: BASEMAP_SOURCE_MAXZOOM,
  };
}

/** Line width growing from world view to country view. */
function lineWidth(atWorld: number, atCountry: number): unknown[] {
  return ['interpolate', ['linear'], ['zoom'], 1, atWorld, 6, atCountry];
}

function checkUrl(field: string, value: unknown, problems: string[]): void {
  if (typeof value !== 'string' || value.trim() === '') problems.push(messages.emptyUrl(field));
}

/**
 * A complete MapLibre style (v8) for an offline world map: ocean, land, coastline and borders
 * from the bundled Natural Earth GeoJSON, and the bundled Noto Sans (latin + Vietnamese) as
 * `font-faces`, so symbol layers can use `text-font: ['Noto Sans Regular']` without a glyph
 * server. Nothing is fetched from outside `assetsBaseUrl` and `fontsBaseUrl`.
 *
 * @throws Error listing every invalid option by name
 * @example
 * new maplibregl.Map({
 *   container,
 *   style: offlineStyle({
 *     assetsBaseUrl: '/basemap',
 *     theme: 'dark',
 *     overlays: [{ id: 'streets', data: '/demo/streets.geojson',
 *                  layers: [{ type: 'line', paint: { 'line-color': '#888' } }] }],
 *   }) as StyleSpecification,
 * });
 */
export function offlineStyle(options: OfflineStyleOptions): BasemapStyle {
  const { assetsBaseUrl, theme = 'light', overlays = [] } = options;
  const problems: string[] = [];
  checkUrl('assetsBaseUrl', assetsBaseUrl, problems);
  if (options.fontsBaseUrl !== undefined) checkUrl('fontsBaseUrl', options.fontsBaseUrl, problems);
  if (!Object.hasOwn(BASEMAP_THEMES, theme)) problems.push(messages.unknownTheme(theme));
  const ids = BASEMAP_LAYER_IDS;
  const extra = overlayParts(overlays, Object.values(ids));
  problems.push(...extra.problems);
  if (problems.length > 0) throw new Error(messages.invalidStyleOptions(problems));

  const colors = BASEMAP_THEMES[theme];
  const fontsBaseUrl = options.fontsBaseUrl ?? joinUrl(assetsBaseUrl, FONTS_FOLDER);
  const layers: StyleLayerSpec[] = [
    { id: ids.ocean, type: 'background', paint: { 'background-color': colors.ocean } },
    { id: ids.land, type: 'fill', source: ids.land, paint: { 'fill-color': colors.land } },
    {
      id: ids.coastline,
      type: 'line',
      source: ids.coastline,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': colors.coastline, 'line-width': lineWidth(0.5, 1.2) },
    },
    {
      id: ids.borders,
      type: 'line',
      source: ids.borders,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': colors.borders, 'line-width': lineWidth(0.4, 1) },
    },
  ];
  return {
    version: 8,
    name: `LegoCity offline basemap (${theme})`,
    sources: {
      [ids.land]: source(assetsBaseUrl, LAND_FILE),
      [ids.coastline]: source(assetsBaseUrl, COASTLINE_FILE),
      [ids.borders]: source(assetsBaseUrl, BORDERS_FILE),
      ...extra.sources,
    },
    layers: [...layers, ...extra.layers],
    'font-faces': {
      [BASEMAP_FONT]: BASEMAP_FONT_FILES.map((font) => ({
        url: joinUrl(fontsBaseUrl, font.file),
        'unicode-range': [...font.unicodeRange],
      })),
    },
  };
}
