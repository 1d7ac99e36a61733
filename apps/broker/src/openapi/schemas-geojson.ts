import { GEOMETRY_TYPES } from '@legocity/ngsi-ld';
import { SPEC, schemaRef } from './operation-kit.js';
import type { SchemaObject } from './openapi-types.js';

const POSITION = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 3 };

/**
 * GeoJSON (RFC 7946) schemas: the geometry of a GeoProperty, and entities rendered as a Feature
 * or a FeatureCollection with Accept: application/geo+json (ETSI GS CIM 009 v1.8.1 §4.5.16).
 * @example Object.assign(components.schemas, geoJsonSchemas())
 */
export function geoJsonSchemas(): Record<string, SchemaObject> {
  return {
    Geometry: {
      type: 'object',
      description: 'A GeoJSON geometry; coordinates are longitude, latitude (and altitude).',
      required: ['type'],
      properties: {
        type: {
          type: 'string',
          enum: [...GEOMETRY_TYPES],
        },
        coordinates: {
          description: 'A position, or nested arrays of positions depending on the type.',
          oneOf: [POSITION, { type: 'array' }],
        },
        geometries: {
          type: 'array',
          items: schemaRef('Geometry'),
          description: 'GeometryCollection only.',
        },
      },
    },
    Feature: {
      type: 'object',
      description: `An entity as a GeoJSON Feature (${SPEC} §4.5.16.2): the geometry is the value of the GeoProperty named by geometryProperty (default location), or null; properties hold the entity type and its attributes in the requested representation.`,
      required: ['id', 'type', 'geometry', 'properties'],
      properties: {
        id: { type: 'string', format: 'uri' },
        type: { const: 'Feature' },
        geometry: { oneOf: [schemaRef('Geometry'), { type: 'null' }] },
        properties: {
          type: 'object',
          required: ['type'],
          properties: {
            type: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          },
          additionalProperties: {},
        },
        '@context': { description: 'Never present: the @context is sent in the Link header.' },
      },
    },
    FeatureCollection: {
      type: 'object',
      description: `Entities as a GeoJSON FeatureCollection (${SPEC} §4.5.16.3).`,
      required: ['type', 'features'],
      properties: {
        type: { const: 'FeatureCollection' },
        features: { type: 'array', items: schemaRef('Feature') },
      },
    },
  };
}
