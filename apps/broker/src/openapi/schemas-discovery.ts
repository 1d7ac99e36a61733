import { SPEC } from './operation-kit.js';
import type { SchemaObject } from './openapi-types.js';

const NAMES = { type: 'array', items: { type: 'string' } };
const CONTEXT = { description: 'Only with Accept: application/ld+json.' };

function object(
  description: string,
  type: string,
  properties: Record<string, unknown>,
  required: string[],
): SchemaObject {
  return {
    type: 'object',
    description,
    required: ['id', 'type', ...required],
    properties: {
      '@context': CONTEXT,
      id: { type: 'string', format: 'uri' },
      type: { const: type },
      ...properties,
    },
  };
}

/**
 * Context information discovery payloads (ETSI GS CIM 009 v1.8.1 §5.2.24–§5.2.28). Names are
 * compacted with the request @context.
 * @example Object.assign(components.schemas, discoverySchemas())
 */
export function discoverySchemas(): Record<string, SchemaObject> {
  return {
    EntityTypeList: object(
      `The entity types that have entities (${SPEC} §5.2.24); the id is a fresh URN each time.`,
      'EntityTypeList',
      { typeList: NAMES },
      ['typeList'],
    ),
    EntityType: object(
      `One entity type and the attribute names its entities have (${SPEC} §5.2.25).`,
      'EntityType',
      { typeName: { type: 'string' }, attributeNames: NAMES },
      ['typeName', 'attributeNames'],
    ),
    EntityTypeInfo: object(
      `Details of one entity type (${SPEC} §5.2.26): how many entities have it, and their attributes.`,
      'EntityTypeInfo',
      {
        typeName: { type: 'string' },
        entityCount: { type: 'integer', minimum: 0 },
        attributeDetails: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'type', 'attributeName', 'attributeTypes'],
            properties: {
              id: { type: 'string', format: 'uri' },
              type: { const: 'Attribute' },
              attributeName: { type: 'string' },
              attributeTypes: NAMES,
            },
          },
        },
      },
      ['typeName', 'entityCount', 'attributeDetails'],
    ),
    AttributeList: object(
      `The attribute names entities have (${SPEC} §5.2.27); the id is a fresh URN each time.`,
      'AttributeList',
      { attributeList: NAMES },
      ['attributeList'],
    ),
    Attribute: object(
      `One attribute (${SPEC} §5.2.28). In the details list: attributeName and typeNames; by name: also attributeCount and attributeTypes.`,
      'Attribute',
      {
        attributeName: { type: 'string' },
        attributeCount: {
          type: 'integer',
          minimum: 0,
          description: 'Entities that have the attribute.',
        },
        attributeTypes: { ...NAMES, description: 'Property, Relationship, GeoProperty…' },
        typeNames: { ...NAMES, description: 'Entity types whose entities have the attribute.' },
      },
      ['attributeName'],
    ),
  };
}
