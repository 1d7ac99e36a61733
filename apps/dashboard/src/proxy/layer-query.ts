import type { GeoQuery, QueryEntitiesParams } from '@legocity/broker-client';
import { normalizeDateTime, type Problem, type Parsed } from '@legocity/ngsi-ld';
import { geometryPropertyOf, type LayerConfig } from './layer-config.js';

/** A bounding box: [minLon, minLat, maxLon, maxLat] in WGS 84 degrees. */
export type BBox = readonly [number, number, number, number];

/** What the browser asked for, after parsing: the only inputs it has. */
export interface LayerRequest {
  bbox: BBox | undefined;
  /** Which page of the answer (0 = first); the answer names the next one. */
  page: number;
  /** Only features modified after this instant (UTC, ISO 8601), for incremental refresh. */
  since: string | undefined;
  format: 'geojson';
}

/** The only query parameters a browser may send to a layer. */
export const LAYER_REQUEST_PARAMETERS = ['bbox', 'page', 'since', 'format'] as const;
/** Longest accepted value of any parameter, in characters. */
export const MAX_PARAMETER_LENGTH = 200;
/** Highest accepted page cursor. */
export const MAX_PAGE = 9_999;

type RawParameters = URLSearchParams | Record<string, string | readonly string[] | undefined>;

const RULES = {
  bbox: 'must be 4 numbers minLon,minLat,maxLon,maxLat within [-180,180] × [-90,90], min < max',
  page: `must be a whole number from 0 to ${MAX_PAGE}`,
  since: 'must be an ISO 8601 date-time such as 2024-05-01T10:00:00Z',
  format: "must be 'geojson'",
} as const;

/**
 * Parse the browser's query string for a layer. Only bbox, page, since and format exist; any other
 * parameter, a repeated one or an over-long value is refused. Every problem is reported at once,
 * each naming its field and rule.
 * @example parseLayerRequest(new URLSearchParams('bbox=105.7,20.9,105.9,21.1'))
 * // { ok: true, value: { bbox: [105.7, 20.9, 105.9, 21.1], page: 0, since: undefined, format: 'geojson' } }
 */
export function parseLayerRequest(parameters: RawParameters): Parsed<LayerRequest> {
  const problems: Problem[] = [];
  const values = singleValues(parameters, problems);
  const request: LayerRequest = { bbox: undefined, page: 0, since: undefined, format: 'geojson' };
  const { bbox, page, since, format } = values;
  if (bbox !== undefined) request.bbox = parseBbox(bbox, problems);
  if (page !== undefined) {
    if (/^\d{1,4}$/.test(page)) request.page = Number(page);
    else problems.push({ field: 'page', message: RULES.page });
  }
  if (since !== undefined) {
    request.since = normalizeDateTime(since);
    if (request.since === undefined) problems.push({ field: 'since', message: RULES.since });
  }
  if (format !== undefined && format !== 'geojson') {
    problems.push({ field: 'format', message: RULES.format });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: request };
}

function singleValues(parameters: RawParameters, problems: Problem[]): Record<string, string> {
  const entries: [string, string | readonly string[] | undefined][] =
    parameters instanceof URLSearchParams
      ? [...new Set(parameters.keys())].map((name) => [name, parameters.getAll(name)])
      : Object.entries(parameters);
  const allowed: readonly string[] = LAYER_REQUEST_PARAMETERS;
  const values: Record<string, string> = {};
  for (const [name, raw] of entries) {
    if (raw === undefined) continue;
    if (!allowed.includes(name)) {
      problems.push({
        field: name.slice(0, 40),
        message: `is not a parameter of a layer (allowed: ${allowed.join(', ')})`,
      });
    } else if (typeof raw !== 'string' && raw.length !== 1) {
      problems.push({ field: name, message: 'must be given once' });
    } else {
      const value = typeof raw === 'string' ? raw : (raw[0] ?? '');
      if (value.length > MAX_PARAMETER_LENGTH)
        problems.push({
          field: name,
          message: `must be at most ${MAX_PARAMETER_LENGTH} characters`,
        });
      else values[name] = value;
    }
  }
  return values;
}

function parseBbox(text: string, problems: Problem[]): BBox | undefined {
  const parts = text.split(',');
  const numbers = parts.map((part) => (/^\s*-?\d+(\.\d+)?\s*$/.test(part) ? Number(part) : NaN));
  const [minLon, minLat, maxLon, maxLat] = numbers;
  if (
    numbers.length !== 4 ||
    minLon === undefined ||
    minLat === undefined ||
    maxLon === undefined ||
    maxLat === undefined ||
    numbers.some((n) => !Number.isFinite(n)) ||
    ![minLon, maxLon].every((lon) => lon >= -180 && lon <= 180) ||
    ![minLat, maxLat].every((lat) => lat >= -90 && lat <= 90) ||
    !(minLon < maxLon && minLat < maxLat)
  ) {
    problems.push({ field: 'bbox', message: RULES.bbox });
    return undefined;
  }
  // Rounded to ~0.1 m so that equal views share one cache entry and one broker query.
  return [round(minLon), round(minLat), round(maxLon), round(maxLat)];
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The broker query for a layer: type, q, geo-query and attributes come from the layer's
 * configuration only; the browser contributes at most a bounding box. When the layer has its own
 * geo-query the box cannot be sent too (one geo-query per request), so the caller filters by box.
 * @example brokerQueryFor(layer, [105.7, 20.9, 105.9, 21.1]) // { type, q, geoQ: { georel: 'intersects', … } … }
 */
export function brokerQueryFor(layer: LayerConfig, bbox: BBox | undefined): QueryEntitiesParams {
  const geometryProperty = geometryPropertyOf(layer);
  const geoQ: GeoQuery | undefined = layer.geo ?? (bbox && bboxGeoQuery(bbox, geometryProperty));
  return {
    type: layer.entityType,
    ...(layer.q !== undefined && { q: layer.q }),
    ...(geoQ && { geoQ }),
    ...(layer.attributes && { pick: [...new Set([...layer.attributes, geometryProperty])] }),
    ...(layer.geometryProperty && { geometryProperty }),
  };
}

/** Whether the box must be applied by the proxy because the layer's own geo-query took its place. */
export function isBboxFilteredLocally(layer: LayerConfig, bbox: BBox | undefined): boolean {
  return bbox !== undefined && layer.geo !== undefined;
}

/** A geo-query for entities whose geometry intersects a box. */
export function bboxGeoQuery(bbox: BBox, geoproperty = 'location'): GeoQuery {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const ring = [
    [minLon, minLat],
    [maxLon, minLat],
    [maxLon, maxLat],
    [minLon, maxLat],
    [minLon, minLat],
  ];
  return { georel: 'intersects', geometry: 'Polygon', coordinates: [ring], geoproperty };
}
