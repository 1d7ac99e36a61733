/**
 * Builders of normalized NGSI-LD attributes (ETSI GS CIM 009 §4.5) and of the simulator's stable
 * entity ids, so every model writes the same shapes.
 */
import type { JsonObject, JsonValue } from '@legocity/ngsi-ld';
import type { Position } from './geo.js';

/** Says on every entity that the data is simulated, so nobody mistakes it for real measures. */
export const DATA_PROVIDER = 'LegoCity demo-city simulator (simulated data)';

/**
 * The stable id of a demo-city entity.
 * @example entityId('OffStreetParking', 'han-market') // 'urn:ngsi-ld:OffStreetParking:danang-han-market'
 */
export function entityId(type: string, slug: string): string {
  return `urn:ngsi-ld:${type}:danang-${slug}`;
}

/** A Property, with its unit and observation time when given. */
export function property(
  value: JsonValue,
  options: { unitCode?: string; observedAt?: string } = {},
): JsonObject {
  const attribute: JsonObject = { type: 'Property', value };
  if (options.unitCode !== undefined) attribute.unitCode = options.unitCode;
  if (options.observedAt !== undefined) attribute.observedAt = options.observedAt;
  return attribute;
}

/** A Property holding an NGSI-LD DateTime (`{ "@type": "DateTime", "@value": … }`). */
export function dateTimeProperty(iso: string): JsonObject {
  return { type: 'Property', value: { '@type': 'DateTime', '@value': iso } };
}

/** A GeoProperty holding a GeoJSON Point. */
export function pointProperty(position: Position, observedAt?: string): JsonObject {
  const attribute: JsonObject = {
    type: 'GeoProperty',
    value: { type: 'Point', coordinates: [round(position[0], 6), round(position[1], 6)] },
  };
  if (observedAt !== undefined) attribute.observedAt = observedAt;
  return attribute;
}

/** A GeoProperty holding any GeoJSON geometry. */
export function geoProperty(geometry: JsonObject): JsonObject {
  return { type: 'GeoProperty', value: geometry };
}

/** A Relationship to another entity. */
export function relationship(object: string): JsonObject {
  return { type: 'Relationship', object };
}

/** Rounds to a number of decimals (measures look like a device's, not like float noise). */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Keeps a value within [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
