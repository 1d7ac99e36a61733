import { BASEMAP_FONT } from '@legocity/basemap/style';
import {
  colourRamp,
  rampExpression,
  rampStops,
  type Domain,
  type RampStop,
} from './colour-ramp.js';
import { REPLAY_PROPERTY } from './feature-store.js';
import type { MapLayerView } from './map-types.js';

/** A MapLibre style layer, loosely typed (cast to AddLayerObject where it is added). */
export interface MapLayerSpec {
  id: string;
  type: 'circle' | 'symbol' | 'line' | 'fill' | 'heatmap';
  source: string;
  minzoom?: number;
  filter?: unknown;
  layout?: Record<string, unknown>;
  paint?: Record<string, unknown>;
}

/** How the data of a layer currently is, as far as drawing goes. */
export interface DrawState {
  /** The proxy sent count cells instead of entities. */
  isAggregated: boolean;
  /** Range of the choropleth attribute (or of the counts, when aggregated). */
  domain: Domain;
  /** Range of the replayed values while the time slider is off "Live"; undefined when live. */
  replayDomain?: Domain;
}

/** Colour of features without a value on a ramp. */
export const NO_VALUE_COLOUR = '#9e9e9e';
const RAMP_STEPS = 5;

/** Source id of a layer. */
export const sourceId = (layerId: string): string => `lc-${layerId}`;
/** Id of one drawn part of a layer. */
export const partId = (layerId: string, part: string): string => `lc-${layerId}-${part}`;

const isGeometry = (...types: string[]): unknown => [
  'match',
  ['geometry-type'],
  types,
  true,
  false,
];
const POINTS = isGeometry('Point', 'MultiPoint');
const LINES = isGeometry('LineString', 'MultiLineString');
const POLYGONS = isGeometry('Polygon', 'MultiPolygon');

/**
 * Whether the layer's source must cluster points (fixed when the source is created).
 * @example isClustered(layer, { isAggregated: false, domain: undefined }) // true for 'clusters'
 */
export function isClustered(layer: MapLayerView, state: DrawState): boolean {
  return layer.style === 'clusters' && !state.isAggregated;
}

/**
 * The ramp the layer is coloured by right now, if any: replayed values, aggregated counts, or
 * the choropleth attribute.
 */
export function activeRamp(
  layer: MapLayerView,
  state: DrawState,
): { property: string; stops: RampStop[] } | undefined {
  const colours = colourRamp(layer.colour, RAMP_STEPS);
  if (state.replayDomain !== undefined)
    return { property: REPLAY_PROPERTY, stops: rampStops(state.replayDomain, colours) };
  if (state.isAggregated) return { property: 'count', stops: rampStops(state.domain, colours) };
  if (layer.style === 'choropleth' && layer.choroplethAttribute)
    return { property: layer.choroplethAttribute, stops: rampStops(state.domain, colours) };
  return undefined;
}

function colourOf(layer: MapLayerView, state: DrawState): unknown {
  const ramp = activeRamp(layer, state);
  return ramp ? rampExpression(ramp.property, ramp.stops, NO_VALUE_COLOUR) : layer.colour;
}

/** Circle radius: grows with the replayed value during a replay, fixed otherwise. */
function radiusOf(state: DrawState, base: number): unknown {
  const domain = state.replayDomain;
  if (!domain || domain[0] === domain[1]) return base;
  return [
    'case',
    ['==', ['typeof', ['get', REPLAY_PROPERTY]], 'number'],
    [
      'interpolate',
      ['linear'],
      ['get', REPLAY_PROPERTY],
      domain[0],
      base * 0.6,
      domain[1],
      base * 2,
    ],
    base * 0.6,
  ];
}

const circle = (layer: MapLayerView, state: DrawState, filter: unknown, part = 'points') => ({
  id: partId(layer.id, part),
  type: 'circle' as const,
  source: sourceId(layer.id),
  filter,
  paint: {
    'circle-color': colourOf(layer, state),
    'circle-radius': radiusOf(state, 6),
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1.5,
  },
});

const line = (layer: MapLayerView, state: DrawState, width = 4) => ({
  id: partId(layer.id, 'lines'),
  type: 'line' as const,
  source: sourceId(layer.id),
  filter: LINES,
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: { 'line-color': colourOf(layer, state), 'line-width': radiusOf(state, width) },
});

const fill = (layer: MapLayerView, state: DrawState, opacity: number) => [
  {
    id: partId(layer.id, 'fill'),
    type: 'fill' as const,
    source: sourceId(layer.id),
    filter: POLYGONS,
    paint: { 'fill-color': colourOf(layer, state), 'fill-opacity': opacity },
  },
  {
    id: partId(layer.id, 'outline'),
    type: 'line' as const,
    source: sourceId(layer.id),
    filter: POLYGONS,
    paint: { 'line-color': layer.colour, 'line-width': 1.5 },
  },
];

function clusterParts(layer: MapLayerView, state: DrawState): MapLayerSpec[] {
  const source = sourceId(layer.id);
  return [
    {
      id: partId(layer.id, 'clusters'),
      type: 'circle',
      source,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': layer.colour,
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 100, 24, 1000, 30],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: partId(layer.id, 'cluster-count'),
      type: 'symbol',
      source,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': [BASEMAP_FONT],
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: {
        'text-color': '#ffffff',
        'text-halo-color': 'rgba(0, 0, 0, 0.45)',
        'text-halo-width': 1,
      },
    },
    circle(layer, state, ['!', ['has', 'point_count']]),
  ];
}

function aggregatedParts(layer: MapLayerView, state: DrawState): MapLayerSpec[] {
  return [
    ...fill(layer, state, 0.55),
    {
      id: partId(layer.id, 'cell-count'),
      type: 'symbol',
      source: sourceId(layer.id),
      layout: {
        'text-field': ['to-string', ['get', 'count']],
        'text-font': [BASEMAP_FONT],
        'text-size': 12,
      },
      paint: { 'text-color': '#1b1b1b', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}

/**
 * The MapLibre layers that draw one map layer, bottom to top, all on source `lc-<id>`.
 * Clusters carry their count in the label font; choropleth colours points, lines and polygons
 * along a ramp of the attribute; aggregated answers become count cells whatever the style.
 *
 * @example buildMapLayers(layer, { isAggregated: false, domain: [0, 1] }).forEach((l) => map.addLayer(l))
 */
export function buildMapLayers(layer: MapLayerView, state: DrawState): MapLayerSpec[] {
  if (state.isAggregated) return aggregatedParts(layer, state);
  switch (layer.style) {
    case 'clusters':
      return clusterParts(layer, state);
    case 'heatmap':
      return [
        {
          id: partId(layer.id, 'heat'),
          type: 'heatmap',
          source: sourceId(layer.id),
          filter: POINTS,
          paint: {
            'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 8, 12, 16, 40],
            'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.9, 15, 0.3],
            'heatmap-color': [
              'interpolate',
              ['linear'],
              ['heatmap-density'],
              0,
              'rgba(0,0,0,0)',
              ...colourRamp(layer.colour, RAMP_STEPS).flatMap((c, i) => [(i + 1) / RAMP_STEPS, c]),
            ],
          },
        },
        { ...circle(layer, state, POINTS), minzoom: 14 },
      ];
    case 'lines':
      return [line(layer, state)];
    case 'polygons':
      return fill(layer, state, 0.35);
    case 'choropleth':
      return [...fill(layer, state, 0.7), line(layer, state), circle(layer, state, POINTS)];
    case 'points':
    default:
      return [...fill(layer, state, 0.3), line(layer, state, 3), circle(layer, state, POINTS)];
  }
}

/**
 * Ids of the parts a click or tap may select an entity on (not labels, not the heat blur;
 * cluster circles zoom in instead).
 */
export function clickablePartIds(parts: readonly MapLayerSpec[]): string[] {
  return parts
    .filter((part) => part.type !== 'symbol' && part.type !== 'heatmap')
    .map((part) => part.id);
}
