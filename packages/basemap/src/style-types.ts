/**
 * The subset of the MapLibre style specification (v8, as in maplibre-gl 6) that the basemap
 * produces. Kept local so that this package needs no MapLibre dependency; pass the result to
 * `new maplibregl.Map({ style })` (cast to `StyleSpecification` where the types are checked).
 */

/** A GeoJSON source: the data by URL (fetched by MapLibre) or inline. */
export interface GeoJsonSourceSpec {
  type: 'geojson';
  data: string | object;
  attribution?: string;
  /** Highest zoom at which tiles are cut from the data; MapLibre scales them up beyond it. */
  maxzoom?: number;
}

/** One style layer. Paint and layout values are MapLibre property values or expressions. */
export interface StyleLayerSpec {
  id: string;
  type: 'background' | 'fill' | 'line' | 'symbol';
  source?: string;
  minzoom?: number;
  maxzoom?: number;
  filter?: unknown[];
  layout?: Record<string, unknown>;
  paint?: Record<string, unknown>;
}

/** One font file of a `font-faces` entry; `unicode-range` limits it to the code points listed. */
export interface FontFaceSpec {
  url: string;
  'unicode-range': string[];
}

/** A complete style: background, GeoJSON sources, layers and bundled fonts, no glyphs URL. */
export interface BasemapStyle {
  version: 8;
  name: string;
  sources: Record<string, GeoJsonSourceSpec>;
  layers: StyleLayerSpec[];
  /**
   * MapLibre 6 root property: font files for `text-font` names, loaded through the browser's
   * CSS Font Loading API, so labels need no glyph server.
   */
  'font-faces': Record<string, FontFaceSpec[]>;
}
