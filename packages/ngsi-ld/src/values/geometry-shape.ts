import type { JsonObject } from '../entity/types.js';
import { GEOMETRY_TYPES as TYPES } from './geometry.js';

const GEOMETRY_TYPES: ReadonlySet<string> = new Set(TYPES);

/**
 * True for a GeoJSON geometry object (RFC 7946 §3.1): a geometry type with its coordinates, or a
 * GeometryCollection with its geometries.
 * @example isGeometry({ type: 'Point', coordinates: [2.35, 48.85] }) // true
 */
export function isGeometry(value: unknown): value is JsonObject {
  if (!isGeometryTyped(value)) return false;
  return value.type === 'GeometryCollection'
    ? Array.isArray(value.geometries)
    : Array.isArray(value.coordinates);
}

/** True for an object whose "type" names a GeoJSON geometry, complete or not. */
export function isGeometryTyped(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as JsonObject).type === 'string' &&
    GEOMETRY_TYPES.has((value as JsonObject).type as string)
  );
}
