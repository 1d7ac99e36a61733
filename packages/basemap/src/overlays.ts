import { BASEMAP_FONT } from './asset-files.js';
import { messages } from './messages.js';
import type { GeoJsonSourceSpec, StyleLayerSpec } from './style-types.js';

/** One layer drawn from an overlay's data. */
export interface BasemapOverlayLayer {
  /** Layer id; `<overlay id>-<index>` when omitted. */
  id?: string;
  type: 'line' | 'fill' | 'symbol';
  minzoom?: number;
  maxzoom?: number;
  filter?: unknown[];
  /** Symbol layers get `text-font: ['Noto Sans Regular']` unless they name a font. */
  layout?: Record<string, unknown>;
  paint?: Record<string, unknown>;
}

/** Extra GeoJSON drawn above the basemap, e.g. the demo city's streets. */
export interface BasemapOverlay {
  /** Source id; must not start with `basemap-`. */
  id: string;
  /** URL of a GeoJSON file, or the GeoJSON itself. */
  data: string | object;
  attribution?: string;
  layers: readonly BasemapOverlayLayer[];
}

/** The sources and layers overlays add to a style, and every problem found in them. */
export interface OverlayParts {
  sources: Record<string, GeoJsonSourceSpec>;
  layers: StyleLayerSpec[];
  problems: string[];
}

const LAYER_TYPES: ReadonlySet<unknown> = new Set(['line', 'fill', 'symbol']);

function toLayer(overlay: BasemapOverlay, layer: BasemapOverlayLayer, id: string): StyleLayerSpec {
  const spec: StyleLayerSpec = { id, type: layer.type, source: overlay.id };
  if (layer.minzoom !== undefined) spec.minzoom = layer.minzoom;
  if (layer.maxzoom !== undefined) spec.maxzoom = layer.maxzoom;
  if (layer.filter !== undefined) spec.filter = layer.filter;
  const layout =
    layer.type === 'symbol' ? { 'text-font': [BASEMAP_FONT], ...layer.layout } : layer.layout;
  if (layout !== undefined) spec.layout = { ...layout };
  if (layer.paint !== undefined) spec.paint = { ...layer.paint };
  return spec;
}

/**
 * Turns overlays into style sources and layers, checking ids against each other and against the
 * ids already taken by the basemap.
 *
 * @param overlays - the caller's overlays, in drawing order
 * @param takenIds - ids the style already uses
 */
export function overlayParts(
  overlays: readonly BasemapOverlay[],
  takenIds: readonly string[],
): OverlayParts {
  const parts: OverlayParts = { sources: {}, layers: [], problems: [] };
  const sourceIds = new Set<string>();
  const layerIds = new Set(takenIds);
  const checkId = (field: string, id: unknown, seen: Set<string>): id is string => {
    let problem: string | undefined;
    if (typeof id !== 'string' || id.trim() === '') problem = messages.emptyId(field);
    else if (id.startsWith('basemap-')) problem = messages.reservedId(field, id);
    else if (seen.has(id)) problem = messages.duplicateId(field, id);
    if (problem !== undefined) {
      parts.problems.push(problem);
      return false;
    }
    seen.add(id as string);
    return true;
  };
  overlays.forEach((overlay, index) => {
    const field = `overlays[${index}]`;
    const isIdValid = checkId(`${field}.id`, overlay.id, sourceIds);
    const isDataValid = typeof overlay.data === 'string' ? overlay.data !== '' : !!overlay.data;
    if (!isDataValid) parts.problems.push(messages.missingData(`${field}.data`));
    if (overlay.layers.length === 0) parts.problems.push(messages.noLayers(`${field}.layers`));
    if (isIdValid && isDataValid) {
      const source: GeoJsonSourceSpec = { type: 'geojson', data: overlay.data };
      if (overlay.attribution !== undefined) source.attribution = overlay.attribution;
      parts.sources[overlay.id] = source;
    }
    overlay.layers.forEach((layer, layerIndex) => {
      const layerField = `${field}.layers[${layerIndex}]`;
      const id = layer.id ?? `${overlay.id}-${layerIndex}`;
      const isLayerIdValid = checkId(`${layerField}.id`, id, layerIds);
      const isTypeValid = LAYER_TYPES.has(layer.type);
      if (!isTypeValid)
        parts.problems.push(messages.unknownLayerType(`${layerField}.type`, layer.type));
      if (isIdValid && isLayerIdValid && isTypeValid)
        parts.layers.push(toLayer(overlay, layer, id));
    });
  });
  return parts;
}
