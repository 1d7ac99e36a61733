import { SPEC, schemaRef } from './operation-kit.js';
import type { SchemaObject } from './openapi-types.js';

/**
 * The Query body of POST /entityOperations/query (ETSI GS CIM 009 v1.8.1 §5.2.23), limited to
 * the members this broker evaluates; any other member is refused with 400, never ignored.
 * @example Object.assign(components.schemas, querySchemas())
 */
export function querySchemas(): Record<string, SchemaObject> {
  return {
    EntitySelector: {
      type: 'object',
      description: `Which entities to match (${SPEC} §5.2.33): by id, id pattern and/or type selection.`,
      properties: {
        id: { type: 'string', format: 'uri' },
        idPattern: {
          type: 'string',
          description: 'A regular expression the entity id must match.',
        },
        type: { type: 'string', description: 'An entity type selection (§4.17).' },
      },
    },
    GeoQuery: {
      type: 'object',
      description: `A geo-query (${SPEC} §5.2.13). georel, geometry and coordinates go together.`,
      required: ['georel', 'geometry', 'coordinates'],
      properties: {
        georel: {
          type: 'string',
          description: 'As the georel query parameter, e.g. `near;maxDistance==2000`.',
        },
        geometry: {
          type: 'string',
          enum: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'],
        },
        coordinates: {
          description: 'The coordinates array, or the same as JSON text.',
          oneOf: [{ type: 'array' }, { type: 'string' }],
        },
        geoproperty: { type: 'string', default: 'location' },
      },
    },
    Query: {
      type: 'object',
      description: `A query (${SPEC} §5.2.23). The supported members are listed; others (scopeQ, csf, temporalQ…) answer 400. Paging and representation come from the query string.`,
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { const: 'Query' },
        '@context': { description: 'Only with Content-Type application/ld+json.' },
        entities: {
          type: 'array',
          minItems: 1,
          items: schemaRef('EntitySelector'),
          description: 'Entities match when any selector matches.',
        },
        attrs: {
          type: 'array',
          minItems: 1,
          items: { type: 'string' },
          description:
            'Only entities with at least one of these attributes match, and only these are returned.',
        },
        q: { type: 'string', description: 'An NGSI-LD query (§4.9).' },
        geoQ: schemaRef('GeoQuery'),
        lang: {
          type: 'string',
          description: 'Accepted; language filtering follows the lang query parameter.',
        },
      },
    },
  };
}
