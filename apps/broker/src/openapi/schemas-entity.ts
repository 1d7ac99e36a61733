import { SPEC, schemaRef } from './operation-kit.js';
import type { ReferenceObject, SchemaObject } from './openapi-types.js';

const URI = { type: 'string', format: 'uri' };
const DATE_TIME = { type: 'string', format: 'date-time' };
const CONTEXT = {
  description:
    'The JSON-LD @context (only in application/ld+json payloads): a URL, an object or an array of them.',
  oneOf: [{ type: 'string' }, { type: 'object' }, { type: 'array' }],
};
const ENTITY_TYPE = {
  description: 'One entity type name, or several.',
  oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
};

/** Members every attribute instance may carry besides its value. */
const INSTANCE_MEMBERS = {
  datasetId: { ...URI, description: 'Identifies one instance of a multi-attribute (§4.5.5).' },
  observedAt: { ...DATE_TIME, description: 'When the value was observed.' },
  unitCode: { type: 'string', description: 'UN/CEFACT unit code of the value.' },
  createdAt: { ...DATE_TIME, readOnly: true, description: 'With options=sysAttrs.' },
  modifiedAt: { ...DATE_TIME, readOnly: true, description: 'With options=sysAttrs.' },
};

function attribute(
  type: string,
  description: string,
  valueMembers: Record<string, unknown>,
  required: string[],
): SchemaObject {
  return {
    type: 'object',
    description: `${description} Other members are sub-attributes (normalized attributes themselves).`,
    required: ['type', ...required],
    properties: { type: { const: type }, ...valueMembers, ...INSTANCE_MEMBERS },
    additionalProperties: schemaRef('NormalizedAttribute'),
  };
}

const ATTRIBUTE_SCHEMAS: Record<string, SchemaObject> = {
  Property: attribute('Property', `A Property (${SPEC} §4.5.2): any JSON value.`, { value: {} }, [
    'value',
  ]),
  Relationship: attribute(
    'Relationship',
    `A Relationship (${SPEC} §4.5.3) to one entity or several.`,
    { object: { oneOf: [URI, { type: 'array', items: URI }] }, objectType: ENTITY_TYPE },
    ['object'],
  ),
  GeoProperty: attribute(
    'GeoProperty',
    `A GeoProperty (${SPEC} §4.7): a GeoJSON geometry.`,
    { value: schemaRef('Geometry') },
    ['value'],
  ),
  LanguageProperty: attribute(
    'LanguageProperty',
    'A LanguageProperty: strings by BCP 47 language tag ("@none" for no language).',
    {
      languageMap: {
        type: 'object',
        additionalProperties: {
          oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        },
      },
    },
    ['languageMap'],
  ),
  ListProperty: attribute(
    'ListProperty',
    'A ListProperty: an ordered list of values.',
    { valueList: { type: 'array' } },
    ['valueList'],
  ),
  ListRelationship: attribute(
    'ListRelationship',
    'A ListRelationship: an ordered list of related entities, each `{ "object": URI }` in normalized form.',
    {
      objectList: {
        type: 'array',
        items: { oneOf: [{ type: 'object', properties: { object: URI } }, URI] },
      },
    },
    ['objectList'],
  ),
  JsonProperty: attribute(
    'JsonProperty',
    'A JsonProperty: a JSON value kept verbatim, never expanded.',
    { json: {} },
    ['json'],
  ),
  VocabProperty: attribute(
    'VocabProperty',
    'A VocabProperty: vocabulary terms, expanded and compacted with the @context.',
    { vocab: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } },
    ['vocab'],
  ),
};

/**
 * Schemas of entities and their attributes in the normalized, concise and simplified
 * (keyValues) representations (§4.5), plus the fragments update operations take.
 * @example Object.assign(components.schemas, entitySchemas())
 */
export function entitySchemas(): Record<string, SchemaObject> {
  return {
    ...ATTRIBUTE_SCHEMAS,
    NormalizedAttribute: {
      description:
        'An attribute in normalized form; an array holds the instances of a multi-attribute (one per datasetId).',
      oneOf: [
        { oneOf: Object.keys(ATTRIBUTE_SCHEMAS).map(schemaRef) },
        {
          type: 'array',
          minItems: 1,
          items: { oneOf: Object.keys(ATTRIBUTE_SCHEMAS).map(schemaRef) },
        },
      ],
    },
    EntityNormalized: entity(
      'An entity in the normalized representation (the default).',
      schemaRef('NormalizedAttribute'),
    ),
    EntityConcise: entity(
      `An entity in the concise representation (${SPEC} §4.5.2.3, §4.5.3.3): \`type\` is left out where the value shows it; a bare value is a Property.`,
      {},
    ),
    EntityKeyValues: entity(
      `An entity in the simplified (keyValues) representation (${SPEC} §4.5.4): attribute name → value.`,
      {},
    ),
    Entity: {
      description: 'An entity in the representation the request asked for.',
      anyOf: [
        schemaRef('EntityNormalized'),
        schemaRef('EntityConcise'),
        schemaRef('EntityKeyValues'),
      ],
    },
    EntityInput: {
      description: `An entity to create or replace (${SPEC} §5.2.4): id (a URI) and type are required; attributes in normalized or concise form. With application/ld+json, "@context" is required.`,
      allOf: [schemaRef('EntityConcise')],
      required: ['id', 'type'],
    },
    EntityReplacement: {
      type: 'object',
      description:
        'The complete new content of the entity: type required; id may be left out, and if given must be the one in the path.',
      required: ['type'],
      properties: {
        id: URI,
        type: ENTITY_TYPE,
        scope: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        '@context': CONTEXT,
      },
      additionalProperties: {},
    },
    EntityFragment: {
      type: 'object',
      description:
        'Attributes to append, update or merge, in normalized or concise form. id and type may be left out; an id must be the one in the path.',
      properties: { id: URI, type: ENTITY_TYPE, '@context': CONTEXT },
      additionalProperties: {},
    },
    MergeFragment: {
      type: 'object',
      description: `Attributes to merge (JSON Merge Patch semantics, ${SPEC} §5.6.17): present attributes are merged, "urn:ngsi-ld:null" as a value deletes.`,
      properties: { id: URI, type: ENTITY_TYPE, '@context': CONTEXT },
      additionalProperties: {},
    },
    AttributeFragment: {
      type: 'object',
      description:
        'One attribute, normalized or concise (its name is the one in the path). With application/ld+json it may carry "@context".',
      additionalProperties: {},
    },
  };
}

function entity(description: string, attributes: SchemaObject | ReferenceObject): SchemaObject {
  return {
    type: 'object',
    description,
    required: ['id', 'type'],
    properties: {
      '@context': CONTEXT,
      id: { ...URI, description: 'The entity id.' },
      type: ENTITY_TYPE,
      scope: {
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        description: 'Scopes (§4.18).',
      },
      createdAt: { ...DATE_TIME, readOnly: true, description: 'With options=sysAttrs.' },
      modifiedAt: { ...DATE_TIME, readOnly: true, description: 'With options=sysAttrs.' },
    },
    additionalProperties: attributes,
  };
}
