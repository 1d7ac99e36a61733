import type { Problem } from '../errors/ngsi-ld-error.js';
import { fail, ok, type Parsed } from '../errors/result.js';
import type { Geometry, Position } from './geometry.js';

// A broken polygon of 100 000 points must not produce 100 000 problems.
const MAX_PROBLEMS = 25;
// RFC 7946 §3.1.8 advises against nesting collections at all; this only bounds recursion.
const MAX_COLLECTION_DEPTH = 8;
const ONE_OR_MORE = { min: 1 };
const TYPE_LIST =
  'Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection';

type Report = (field: string, message: string) => void;
type ReadItem<T> = (value: unknown, field: string, report: Report) => T | undefined;

/**
 * Parse a GeoJSON geometry (IETF RFC 7946 §3.1; ETSI GS CIM 009 v1.8.1 §4.7) into our own types.
 * Checks every position (2 or 3 finite numbers, longitude in [-180, 180], latitude in [-90, 90]),
 * LineStrings (≥ 2 positions), polygon rings (≥ 4 positions, closed) and collection members.
 * `field` prefixes every problem's path, e.g. `location.value` → `location.value.coordinates[0][3]`.
 * Members other than `type`, `coordinates` and `geometries` (such as `bbox`) are not kept.
 * @example parseGeometry({ type: 'Point', coordinates: [8.0, 40.0] }, 'location.value')
 */
export function parseGeometry(json: unknown, field: string): Parsed<Geometry> {
  const problems: Problem[] = [];
  const report: Report = (at, message) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ field: at, message });
    else if (problems.length === MAX_PROBLEMS) {
      problems.push({
        field,
        message: `has more problems; only the first ${MAX_PROBLEMS} are listed`,
      });
    }
  };
  const geometry = readGeometry(json, field, report, 0);
  return geometry && problems.length === 0 ? ok(geometry) : fail(problems);
}

function readGeometry(
  json: unknown,
  field: string,
  report: Report,
  depth: number,
): Geometry | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    report(field, 'must be a GeoJSON geometry: an object with "type" and "coordinates"');
    return undefined;
  }
  const input = json as Record<string, unknown>;
  const { type } = input;
  if (type === 'GeometryCollection')
    return readCollection(input.geometries, member(field, 'geometries'), report, depth);
  const at = member(field, 'coordinates');
  const coordinates = input.coordinates;
  switch (type) {
    case 'Point': {
      const position = readPosition(coordinates, at, report);
      return position && { type, coordinates: position };
    }
    case 'MultiPoint': {
      const positions = readList(coordinates, at, report, {
        ...ONE_OR_MORE,
        what: 'positions',
        owner: 'a MultiPoint',
        item: readPosition,
      });
      return positions && { type, coordinates: positions };
    }
    case 'LineString': {
      const line = readLine(coordinates, at, report);
      return line && { type, coordinates: line };
    }
    case 'MultiLineString': {
      const lines = readList(coordinates, at, report, {
        ...ONE_OR_MORE,
        what: 'lines',
        owner: 'a MultiLineString',
        item: readLine,
      });
      return lines && { type, coordinates: lines };
    }
    case 'Polygon': {
      const rings = readPolygon(coordinates, at, report);
      return rings && { type, coordinates: rings };
    }
    case 'MultiPolygon': {
      const polygons = readList(coordinates, at, report, {
        ...ONE_OR_MORE,
        what: 'polygons',
        owner: 'a MultiPolygon',
        item: readPolygon,
      });
      return polygons && { type, coordinates: polygons };
    }
    default:
      report(
        member(field, 'type'),
        typeof type === 'string'
          ? `'${type}' is not a GeoJSON geometry type (expected ${TYPE_LIST})`
          : `must be a GeoJSON geometry type (${TYPE_LIST})`,
      );
      return undefined;
  }
}

function readCollection(
  value: unknown,
  field: string,
  report: Report,
  depth: number,
): Geometry | undefined {
  if (depth >= MAX_COLLECTION_DEPTH) {
    report(field, `nests GeometryCollections deeper than ${MAX_COLLECTION_DEPTH} levels`);
    return undefined;
  }
  const item: ReadItem<Geometry> = (json, at, rep) => readGeometry(json, at, rep, depth + 1);
  const geometries = readList(value, field, report, {
    ...ONE_OR_MORE,
    what: 'geometries',
    owner: 'a GeometryCollection',
    item,
  });
  return geometries && { type: 'GeometryCollection', geometries };
}

function readPosition(value: unknown, field: string, report: Report): Position | undefined {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    report(
      field,
      'must be a position: an array of 2 or 3 numbers (longitude, latitude[, altitude])',
    );
    return undefined;
  }
  let valid = true;
  value.forEach((coordinate: unknown, index) => {
    if (typeof coordinate !== 'number' || !Number.isFinite(coordinate)) {
      report(`${field}[${index}]`, 'must be a finite number');
      valid = false;
    }
  });
  if (!valid) return undefined;
  const [longitude, latitude] = value as [number, number];
  if (longitude < -180 || longitude > 180) {
    report(`${field}[0]`, `longitude ${longitude} is outside [-180, 180]`);
    valid = false;
  }
  if (latitude < -90 || latitude > 90) {
    report(`${field}[1]`, `latitude ${latitude} is outside [-90, 90]`);
    valid = false;
  }
  return valid ? ([...(value as number[])] as Position) : undefined;
}

function readLine(value: unknown, field: string, report: Report): Position[] | undefined {
  return readList(value, field, report, {
    min: 2,
    what: 'positions',
    owner: 'a LineString',
    item: readPosition,
  });
}

function readPolygon(value: unknown, field: string, report: Report): Position[][] | undefined {
  return readList(value, field, report, {
    ...ONE_OR_MORE,
    what: 'linear rings',
    owner: 'a Polygon',
    item: readRing,
  });
}

function readRing(value: unknown, field: string, report: Report): Position[] | undefined {
  const ring = readList(value, field, report, {
    min: 4,
    what: 'positions',
    owner: 'a polygon ring',
    item: readPosition,
  });
  if (!ring) return undefined;
  const first = ring[0] ?? [];
  const last = ring[ring.length - 1] ?? [];
  if (
    first.length !== last.length ||
    first.some((coordinate, index) => coordinate !== last[index])
  ) {
    report(
      `${field}[${ring.length - 1}]`,
      'polygon ring must be closed (last position equals the first)',
    );
    return undefined;
  }
  return ring;
}

function readList<T>(
  value: unknown,
  field: string,
  report: Report,
  rule: { min: number; what: string; owner: string; item: ReadItem<T> },
): T[] | undefined {
  if (!Array.isArray(value)) {
    report(field, `must be an array of ${rule.what}`);
    return undefined;
  }
  const items = value.map((item: unknown, index) => rule.item(item, `${field}[${index}]`, report));
  if (items.length < rule.min) {
    report(
      field,
      items.length === 0
        ? `${rule.owner} needs at least ${rule.min === 1 ? 'one of its' : rule.min} ${rule.what}, found none`
        : `${rule.owner} needs at least ${rule.min} ${rule.what}, found ${items.length}`,
    );
    return undefined;
  }
  return items.every((item): item is T => item !== undefined) ? items : undefined;
}

function member(field: string, name: string): string {
  return field ? `${field}.${name}` : name;
}
