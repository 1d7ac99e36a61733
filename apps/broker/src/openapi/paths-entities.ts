import {
  ATTRIBUTE_EXAMPLES,
  CREATE_EXAMPLES,
  FRAGMENT_EXAMPLES,
  MERGE_EXAMPLES,
  UPDATE_RESULT_EXAMPLE,
} from './examples.js';
import { contextHeaders, entityContent, tenantHeader } from './entity-content.js';
import {
  content,
  headerRef,
  jsonBody,
  noContent,
  operation,
  queryParam,
  response,
  responseRef,
  schemaRef,
} from './operation-kit.js';
import type { Paths } from './openapi-types.js';

const BASE = '/ngsi-ld/v1/entities';
const ENTITY = `${BASE}/{entityId}`;
const REPRESENTATION = ['options', 'format', 'pick', 'omit', 'lang', 'geometryProperty'];
const COMMON = { tag: 'Entities', hasTenant: true, hasLink: true } as const;

const partial = response('Some attributes were not written; the body says which and why.', {
  headers: tenantHeader(),
  content: content(['application/json'], schemaRef('UpdateResult'), UPDATE_RESULT_EXAMPLE),
});

/**
 * Entity and attribute operations (ETSI GS CIM 009 v1.8.1 §6.4.3.1, §6.5–§6.7), as registered
 * by entities/routes.ts. GET /entities (Query Entities) is in paths-query.ts.
 * @example Object.assign(paths, entityPaths())
 */
export function entityPaths(): Paths {
  return {
    [BASE]: {
      post: operation({
        ...COMMON,
        operationId: 'createEntity',
        summary: 'Create Entity',
        clause: '§6.4.3.1 (Create Entity, §5.6.1)',
        description:
          'Creates one entity. Send application/json with any user @context in the Link header, or application/ld+json with "@context" in the body. Attributes may be normalized or concise.',
        body: jsonBody('The entity to create.', schemaRef('EntityInput'), {
          examples: CREATE_EXAMPLES,
        }),
        responses: {
          '201': response('Created; Location names the new entity.', {
            headers: { Location: headerRef('EntityLocation'), ...tenantHeader() },
          }),
          '409': responseRef('Conflict'),
        },
      }),
    },
    [ENTITY]: {
      get: operation({
        ...COMMON,
        operationId: 'retrieveEntity',
        summary: 'Retrieve Entity',
        clause: '§6.5.3.1 (Retrieve Entity, §5.7.1)',
        description:
          'Returns one entity in the negotiated media type and the requested representation. Names in the answer are compacted with the request @context.',
        path: ['entityId'],
        query: [
          'entityType',
          queryParam(
            'attrs',
            'Comma-separated attribute names: only these attributes are returned, and an entity with none of them answers 404 (pick is the newer way).',
            { type: 'string' },
            'availableSpotNumber',
          ),
          ...REPRESENTATION,
        ],
        responses: {
          '200': response('The entity.', {
            headers: contextHeaders({ hasTenant: true }),
            content: entityContent('one'),
          }),
          '404': responseRef('NotFound'),
          '406': responseRef('NotAcceptable'),
        },
      }),
      delete: operation({
        ...COMMON,
        operationId: 'deleteEntity',
        summary: 'Delete Entity',
        clause: '§6.5.3.2 (Delete Entity, §5.6.6)',
        description: 'Deletes the entity and all its attributes.',
        path: ['entityId'],
        query: ['entityType'],
        responses: { '204': noContent('Deleted.'), '404': responseRef('NotFound') },
      }),
      patch: operation({
        ...COMMON,
        operationId: 'mergeEntity',
        summary: 'Merge Entity',
        clause: '§6.5.3.4 (Merge Entity, §5.6.17)',
        description:
          'Merges the body into the entity with JSON Merge Patch rules: attributes given are added or merged into, "urn:ngsi-ld:null" deletes an attribute, others are kept. The spec\'s format, lang and observedAt parameters of this operation are not supported (400).',
        path: ['entityId'],
        query: ['entityType'],
        body: jsonBody('The attributes to merge.', schemaRef('MergeFragment'), {
          examples: MERGE_EXAMPLES,
          mediaTypes: ['application/merge-patch+json', 'application/json', 'application/ld+json'],
        }),
        responses: { '204': noContent('Merged.'), '404': responseRef('NotFound') },
      }),
      put: operation({
        ...COMMON,
        operationId: 'replaceEntity',
        summary: 'Replace Entity',
        clause: '§6.5.3.3 (Replace Entity, §5.6.18)',
        description:
          'Replaces the whole entity: attributes not in the body are removed; createdAt is kept.',
        path: ['entityId'],
        query: ['entityType'],
        body: jsonBody('The new content of the entity.', schemaRef('EntityReplacement'), {
          examples: CREATE_EXAMPLES,
        }),
        responses: { '204': noContent('Replaced.'), '404': responseRef('NotFound') },
      }),
    },
    [`${ENTITY}/attrs`]: {
      post: operation({
        ...COMMON,
        operationId: 'appendAttributes',
        summary: 'Append Attributes',
        clause: '§6.6.3.1 (Append Attributes, §5.6.3)',
        description:
          'Adds attributes to the entity; existing ones are overwritten unless options=noOverwrite.',
        path: ['entityId'],
        query: [
          queryParam(
            'options',
            '`noOverwrite`: keep attributes that already exist (they are listed in a 207 answer).',
            { type: 'string', enum: ['noOverwrite'] },
            'noOverwrite',
          ),
          'entityType',
        ],
        body: jsonBody('The attributes to append.', schemaRef('EntityFragment'), {
          examples: FRAGMENT_EXAMPLES,
        }),
        responses: {
          '204': noContent('Every attribute was written.'),
          '207': partial,
          '404': responseRef('NotFound'),
        },
      }),
      patch: operation({
        ...COMMON,
        operationId: 'updateAttributes',
        summary: 'Update Attributes',
        clause: '§6.6.3.2 (Update Attributes, §5.6.2)',
        description:
          'Replaces attributes the entity already has; attributes it lacks are not added but listed in a 207 answer.',
        path: ['entityId'],
        query: ['entityType'],
        body: jsonBody('The attributes to update.', schemaRef('EntityFragment'), {
          examples: FRAGMENT_EXAMPLES,
        }),
        responses: {
          '204': noContent('Every attribute was updated.'),
          '207': partial,
          '404': responseRef('NotFound'),
        },
      }),
    },
    [`${ENTITY}/attrs/{attrId}`]: {
      patch: operation({
        ...COMMON,
        operationId: 'partialAttributeUpdate',
        summary: 'Partial Attribute Update',
        clause: '§6.7.3.1 (Partial Attribute Update, §5.6.4)',
        description:
          'Changes members of one attribute (its value, observedAt, sub-attributes…) and keeps the others; a sub-attribute set to "urn:ngsi-ld:null" is deleted. The instance is chosen by datasetId in the body. `scope` is an entity member, not an attribute: it is refused here (400).',
        path: ['entityId', 'attrId'],
        query: ['entityType'],
        body: jsonBody('The members of the attribute to change.', schemaRef('AttributeFragment'), {
          examples: ATTRIBUTE_EXAMPLES,
        }),
        responses: { '204': noContent('Updated.'), '404': responseRef('NotFound') },
      }),
      put: operation({
        ...COMMON,
        operationId: 'replaceAttribute',
        summary: 'Replace Attribute',
        clause: '§6.7.3.3 (Replace Attribute, §5.6.19)',
        description:
          'Replaces one attribute of the entity entirely. `scope` is an entity member and is refused here (400).',
        path: ['entityId', 'attrId'],
        query: ['entityType'],
        body: jsonBody('The new attribute.', schemaRef('AttributeFragment'), {
          examples: ATTRIBUTE_EXAMPLES,
        }),
        responses: { '204': noContent('Replaced.'), '404': responseRef('NotFound') },
      }),
      delete: operation({
        ...COMMON,
        operationId: 'deleteAttribute',
        summary: 'Delete Attribute',
        clause: '§6.7.3.2 (Delete Attribute, §5.6.5)',
        description:
          "Deletes the default instance of the attribute, the instance with the given datasetId, or every instance with deleteAll=true. The name `scope` removes the entity's scope (as v1.9.1 §5.6.5.4 allows).",
        path: ['entityId', 'attrId'],
        query: [
          'entityType',
          queryParam(
            'datasetId',
            'Delete the instance with this datasetId (a URI). Not with deleteAll=true.',
            { type: 'string', format: 'uri' },
            'urn:ngsi-ld:Dataset:sensor-a',
          ),
          queryParam(
            'deleteAll',
            'true: delete every instance of the attribute.',
            { type: 'boolean', default: false },
            true,
          ),
        ],
        responses: { '204': noContent('Deleted.'), '404': responseRef('NotFound') },
      }),
    },
  };
}
