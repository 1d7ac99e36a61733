import type { GeoJsonFeature } from '@legocity/broker-client';
import { GEOMETRY_TYPES, type JsonObject, type JsonValue } from '@legocity/ngsi-ld';

const GEOMETRY_TYPE_NAMES: ReadonlySet<string> = new Set(GEOMETRY_TYPES);

/**
 * A keyValues entity (as notifications carry it) as the same GeoJSON Feature the broker sends
 * for a GeoJSON query (ETSI GS CIM 009 §4.5.17.1): id, geometry of the GeoProperty (or null),
 * and the other members, `type` included, as properties. `attributes` keeps only those (plus the
 * GeoProperty and system attributes), as the layer's configuration asks.
 * @example entityToFeature({ id: 'urn:ngsi-ld:P:1', type: 'P', location: { type: 'Point', coordinates: [1, 2] } }, 'location')
 */
export function entityToFeature(
  entity: JsonObject,
  geometryProperty: string,
  attributes?: readonly string[],
): GeoJsonFeature | undefined {
  const { id, ...members } = entity;
  if (typeof id !== 'string') return undefined;
  const geometry = members[geometryProperty];
  const kept =
    attributes && new Set([...attributes, geometryProperty, 'type', 'modifiedAt', 'createdAt']);
  const properties: JsonObject = {};
  for (const [name, value] of Object.entries(members)) {
    if (!kept || kept.has(name)) properties[name] = value;
  }
  return {
    id,
    type: 'Feature',
    geometry: isGeometry(geometry) ? geometry : null,
    properties,
  };
}

function isGeometry(value: JsonValue | undefined): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof value.type === 'string' &&
    GEOMETRY_TYPE_NAMES.has(value.type)
  );
}
