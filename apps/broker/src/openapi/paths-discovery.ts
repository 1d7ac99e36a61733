import { contextHeaders } from './entity-content.js';
import {
  content,
  operation,
  queryParam,
  response,
  responseRef,
  schemaRef,
} from './operation-kit.js';
import type { Paths, ReferenceObject, ResponseObject, SchemaObject } from './openapi-types.js';

const COMMON = { tag: 'Discovery', hasTenant: true, hasLink: true } as const;
const MEDIA = ['application/json', 'application/ld+json'];

function found(
  description: string,
  schema: SchemaObject | ReferenceObject,
  example: unknown,
): ResponseObject {
  return response(description, {
    headers: contextHeaders({ hasTenant: true }),
    content: content(MEDIA, schema, { example: { value: example } }),
  });
}

const errors = { '404': responseRef('NotFound'), '406': responseRef('NotAcceptable') };

/**
 * Context information discovery (ETSI GS CIM 009 v1.8.1 §6.25–§6.28), as registered by
 * discovery/routes.ts. Type and attribute names are compacted with the request @context.
 * @example Object.assign(paths, discoveryPaths())
 */
export function discoveryPaths(): Paths {
  return {
    '/ngsi-ld/v1/types': {
      get: operation({
        ...COMMON,
        operationId: 'retrieveEntityTypes',
        summary: 'Retrieve Available Entity Types',
        clause: '§6.25.3.1 (Retrieve Available Entity Types, §5.7.5; with details=true, §5.7.6)',
        description: 'Lists the entity types that have at least one entity in the tenant.',
        query: [
          queryParam(
            'details',
            'true: one EntityType per type, with its attribute names, instead of an EntityTypeList.',
            { type: 'boolean', default: false },
            true,
          ),
        ],
        responses: {
          '200': found(
            'An EntityTypeList, or with details=true an array of EntityType.',
            {
              oneOf: [
                schemaRef('EntityTypeList'),
                { type: 'array', items: schemaRef('EntityType') },
              ],
            },
            {
              id: 'urn:ngsi-ld:EntityTypeList:5e1a…',
              type: 'EntityTypeList',
              typeList: ['OffStreetParking', 'ParkingSpot'],
            },
          ),
          ...errors,
        },
      }),
    },
    '/ngsi-ld/v1/types/{type}': {
      get: operation({
        ...COMMON,
        operationId: 'retrieveEntityTypeInfo',
        summary: 'Retrieve Available Entity Type Information',
        clause: '§6.26.3.1 (Retrieve Available Entity Type Information, §5.7.7)',
        description:
          'Details of one entity type: how many entities have it, and which attributes (with their attribute types) they have.',
        path: ['typeName'],
        responses: {
          '200': found('The EntityTypeInfo.', schemaRef('EntityTypeInfo'), {
            id: 'https://uri.etsi.org/ngsi-ld/default-context/OffStreetParking',
            type: 'EntityTypeInfo',
            typeName: 'OffStreetParking',
            entityCount: 12,
            attributeDetails: [
              {
                id: 'https://uri.etsi.org/ngsi-ld/default-context/availableSpotNumber',
                type: 'Attribute',
                attributeName: 'availableSpotNumber',
                attributeTypes: ['Property'],
              },
            ],
          }),
          ...errors,
        },
      }),
    },
    '/ngsi-ld/v1/attributes': {
      get: operation({
        ...COMMON,
        operationId: 'retrieveAttributes',
        summary: 'Retrieve Available Attributes',
        clause: '§6.27.3.1 (Retrieve Available Attributes, §5.7.8; with details=true, §5.7.9)',
        description: 'Lists the attribute names used by entities of the tenant.',
        query: [
          queryParam(
            'details',
            'true: one Attribute per name, with the entity types that use it, instead of an AttributeList.',
            { type: 'boolean', default: false },
            true,
          ),
        ],
        responses: {
          '200': found(
            'An AttributeList, or with details=true an array of Attribute.',
            {
              oneOf: [schemaRef('AttributeList'), { type: 'array', items: schemaRef('Attribute') }],
            },
            {
              id: 'urn:ngsi-ld:AttributeList:9c0b…',
              type: 'AttributeList',
              attributeList: ['availableSpotNumber', 'location', 'name'],
            },
          ),
          ...errors,
        },
      }),
    },
    '/ngsi-ld/v1/attributes/{attrId}': {
      get: operation({
        ...COMMON,
        operationId: 'retrieveAttributeInfo',
        summary: 'Retrieve Available Attribute Information',
        clause: '§6.28.3.1 (Retrieve Available Attribute Information, §5.7.10)',
        description:
          'Details of one attribute: how many entities have it, its attribute types and the entity types that use it.',
        path: ['attrId'],
        responses: {
          '200': found('The Attribute.', schemaRef('Attribute'), {
            id: 'https://uri.etsi.org/ngsi-ld/default-context/availableSpotNumber',
            type: 'Attribute',
            attributeName: 'availableSpotNumber',
            attributeCount: 12,
            attributeTypes: ['Property'],
            typeNames: ['OffStreetParking'],
          }),
          ...errors,
        },
      }),
    },
  };
}
