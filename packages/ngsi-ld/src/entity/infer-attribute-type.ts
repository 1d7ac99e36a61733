import type { AttributeType } from './types.js';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/**
 * The attribute type of an untyped (concise) attribute object, from the member it carries
 * (ETSI GS CIM 009 v1.8.1 §4.5.x, concise representation).
 * @example inferAttributeType({ object: 'urn:ngsi-ld:Building:1' }) // 'Relationship'
 */
export function inferAttributeType(input: Record<string, unknown>): AttributeType {
  if ('object' in input) return 'Relationship';
  if ('languageMap' in input) return 'LanguageProperty';
  if ('valueList' in input) return 'ListProperty';
  if ('objectList' in input) return 'ListRelationship';
  if ('json' in input) return 'JsonProperty';
  if ('vocab' in input) return 'VocabProperty';
  if ('value' in input) return isGeometryLike(input.value) ? 'GeoProperty' : 'Property';
  return isGeometryLike(input) ? 'GeoProperty' : 'Property';
}

/** A GeoJSON geometry object: a geometry `type` with coordinates (or geometries). */
export function isGeometryLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.type === 'string' &&
    GEOMETRY_TYPES.has(candidate.type) &&
    ('coordinates' in candidate || 'geometries' in candidate)
  );
}
