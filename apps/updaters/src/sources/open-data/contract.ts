import { COORDINATE_GEOMETRY_TYPES } from '@legocity/ngsi-ld';
import type { EntityContract } from '@legocity/updater-runtime';
import type { Mapping } from './mapping.js';

/**
 * The data contract (version 1.0.0) of the entity type a mapping writes: one Property per mapped
 * column with its value type and unit code, and `location` when the data has geometries. Names
 * and units are the mapping author's: use Smart Data Models names and UN/CEFACT codes there.
 * @example openDataContract(mapping).type // 'OffStreetParking'
 */
export function openDataContract(mapping: Mapping): EntityContract {
  const hasLocation = mapping.format === 'geojson' || mapping.location !== undefined;
  return {
    type: mapping.entityType,
    version: '1.0.0',
    idPattern: `urn:ngsi-ld:${mapping.entityType}:[A-Za-z0-9._%-]+`,
    description: `${mapping.entityType} loaded from ${mapping.format === 'csv' ? 'CSV' : 'GeoJSON'} open data (${mapping.name}).`,
    attributes: [
      ...mapping.attributes.map((attribute) => ({
        name: attribute.name,
        kind: 'Property' as const,
        valueType: attribute.valueType,
        ...(attribute.unitCode === undefined ? {} : { unitCode: attribute.unitCode }),
        required: attribute.required,
        description: `From ${mapping.format === 'csv' ? 'column' : 'property'} "${attribute.column}".`,
      })),
      ...(hasLocation
        ? [
            {
              name: 'location',
              kind: 'GeoProperty' as const,
              geometry: mapping.geometry ?? [...COORDINATE_GEOMETRY_TYPES],
            },
          ]
        : []),
    ],
  };
}
