import type { AttributeInstance, Entity, JsonValue } from '../entity/types.js';
import { getCoreContext } from '../jsonld/core-active-context.js';
import type { FormatOptions } from './format-options.js';

/** Builders of stored-form entities for the format tests. */

export const DEFAULT = 'https://uri.etsi.org/ngsi-ld/default-context/';
export const NGSI_LD = 'https://uri.etsi.org/ngsi-ld/';
export const LOCATION = `${NGSI_LD}location`;

export function property(
  value: JsonValue,
  extra: Partial<AttributeInstance> = {},
): AttributeInstance {
  return { type: 'Property', value, ...extra };
}

export function geoProperty(
  coordinates: [number, number],
  extra: Partial<AttributeInstance> = {},
): AttributeInstance {
  return { type: 'GeoProperty', value: { type: 'Point', coordinates }, ...extra };
}

export function relationship(
  object: string,
  extra: Partial<AttributeInstance> = {},
): AttributeInstance {
  return { type: 'Relationship', object, ...extra };
}

/** An entity of one type (short names expand with the default vocabulary) and the given attributes. */
export function entity(
  attributes: Record<string, AttributeInstance | AttributeInstance[]>,
  extra: Partial<Entity> = {},
): Entity {
  const stored: Entity = {
    id: 'urn:ngsi-ld:Vehicle:A4567',
    type: [`${DEFAULT}Vehicle`],
    attributes: {},
    ...extra,
  };
  for (const [name, instances] of Object.entries(attributes)) {
    stored.attributes[name.includes('://') ? name : `${DEFAULT}${name}`] = Array.isArray(instances)
      ? instances
      : [instances];
  }
  return stored;
}

export function options(overrides: Partial<FormatOptions> = {}): FormatOptions {
  return {
    context: getCoreContext(),
    representation: 'normalized',
    sysAttrs: false,
    includeContext: false,
    ...overrides,
  };
}
