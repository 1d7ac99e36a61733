import type { Problem } from '../errors/ngsi-ld-error.js';
import { fail, ok, type Parsed } from '../errors/result.js';
import { COORDINATE_GEOMETRY_TYPES, type Geometry } from '../values/geometry.js';
import { parseGeometry } from '../values/parse-geometry.js';
import { isValidAttributeName } from './attribute-name.js';
import type { GeoQuery, GeoRel } from './geo-query.js';
import { parseGeorel } from './parse-georel.js';

/** The geoquery members as they arrive: GET parameters (all text) or a POST body's `geoQ`. */
export interface GeoQueryInput {
  georel?: unknown;
  geometry?: unknown;
  /** JSON text such as `[8.0,40.0]` (GET), or the array itself (POST `geoQ`). */
  coordinates?: unknown;
  geoproperty?: unknown;
}

const REQUIRED = ['georel', 'geometry', 'coordinates'] as const;
const DEFAULT_GEOPROPERTY = 'location';

/**
 * Parse a geoquery (ETSI GS CIM 009 v1.8.1 §4.10; GeoQuery §5.2.13) from GET parameters or a POST
 * query's `geoQ`. georel, geometry and coordinates go together; geoproperty defaults to
 * `location`. The reference geometry is any GeoJSON type but GeometryCollection, and its
 * coordinates are checked as parseGeometry checks them. `prefix` goes before every field name
 * (`geoQ.` for a POST body). Reports every problem at once.
 * @example parseGeoQuery({ georel: 'near;maxDistance==2000', geometry: 'Point', coordinates: '[8,40]' })
 * // { ok: true, value: { relation: 'near', maxDistance: 2000, geometry: { type: 'Point', coordinates: [8, 40] }, geoproperty: 'location' } }
 */
export function parseGeoQuery(input: GeoQueryInput, prefix = ''): Parsed<GeoQuery> {
  const problems: Problem[] = [];
  for (const name of REQUIRED) {
    if (input[name] === undefined || input[name] === '') {
      problems.push({
        field: prefix + name,
        message: 'is required: georel, geometry and coordinates go together',
      });
    }
  }
  const georel = readGeorel(input.georel, prefix + 'georel', problems);
  const geometry = readGeometry(input, prefix, problems);
  const geoproperty = input.geoproperty ?? DEFAULT_GEOPROPERTY;
  if (typeof geoproperty !== 'string' || !isValidAttributeName(geoproperty)) {
    problems.push({
      field: prefix + 'geoproperty',
      message: `${quote(geoproperty)} is not a valid attribute name`,
    });
  }
  if (problems.length > 0 || !georel || !geometry || typeof geoproperty !== 'string')
    return fail(problems);
  return ok({ ...georel, geometry, geoproperty });
}

function readGeorel(value: unknown, field: string, problems: Problem[]): GeoRel | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    problems.push({
      field,
      message: "must be a string such as 'near;maxDistance==2000' or 'within'",
    });
    return undefined;
  }
  const parsed = parseGeorel(value, field);
  if (parsed.ok) return parsed.value;
  problems.push(...parsed.problems);
  return undefined;
}

function readGeometry(
  input: GeoQueryInput,
  prefix: string,
  problems: Problem[],
): Geometry | undefined {
  const { geometry: type, coordinates: raw } = input;
  if (type === undefined || type === '' || raw === undefined || raw === '') return undefined;
  if (!(COORDINATE_GEOMETRY_TYPES as readonly unknown[]).includes(type)) {
    problems.push({
      field: prefix + 'geometry',
      message:
        type === 'GeometryCollection'
          ? "'GeometryCollection' cannot be a reference geometry"
          : `${quote(type)} is not a geometry type (expected ${COORDINATE_GEOMETRY_TYPES.join(', ')})`,
    });
    return undefined;
  }
  let coordinates: unknown = raw;
  if (typeof raw === 'string') {
    try {
      coordinates = JSON.parse(raw) as unknown;
    } catch {
      problems.push({ field: prefix + 'coordinates', message: `is not valid JSON: '${raw}'` });
      return undefined;
    }
  }
  const parsed = parseGeometry({ type, coordinates }, prefix.replace(/\.$/, ''));
  if (parsed.ok) return parsed.value;
  problems.push(...parsed.problems);
  return undefined;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}
