import {
  BATCH_ENTITIES_EXAMPLE,
  BATCH_FRAGMENTS_EXAMPLE,
  BATCH_RESULT_EXAMPLE,
  PARKING_ID,
} from './examples.js';
import { tenantHeader } from './entity-content.js';
import {
  content,
  jsonBody,
  noContent,
  operation,
  queryParam,
  response,
  schemaRef,
  type OperationSpec,
} from './operation-kit.js';
import type { BrokerLimits } from '../broker-context.js';
import type { Paths, ResponseObject } from './openapi-types.js';

const BASE = '/ngsi-ld/v1/entityOperations';
const COMMON = { tag: 'Batch', hasTenant: true, hasLink: true } as const;

const multiStatus: ResponseObject = response(
  'Some entities failed: success lists the ids done, errors one problem per failed entity.',
  {
    headers: tenantHeader(),
    content: content(['application/json'], schemaRef('BatchOperationResult'), BATCH_RESULT_EXAMPLE),
  },
);

function created(description: string): ResponseObject {
  return response(description, {
    headers: tenantHeader(),
    content: content(['application/json'], schemaRef('EntityIdList'), {
      ids: { value: [PARKING_ID] },
    }),
  });
}

/**
 * Batch operations (ETSI GS CIM 009 v1.8.1 §6.14–§6.17, §6.31), as registered by batch/routes.ts.
 * Each item is checked on its own: one bad entity is one entry of a 207 answer.
 * @example Object.assign(paths, batchPaths(DEFAULT_LIMITS))
 */
export function batchPaths(limits: BrokerLimits): Paths {
  const sizeRule = `The body is a non-empty JSON array of at most ${limits.maxBatchEntities} items, none null; otherwise the whole request answers 400.`;
  const contextRule =
    'With application/ld+json every item carries its own "@context"; with application/json the Link header\'s @context applies to all.';
  const batch = (spec: Omit<OperationSpec, 'tag' | 'hasTenant' | 'hasLink'>, hasLink = true) =>
    operation({
      ...COMMON,
      ...spec,
      hasLink,
      description: [spec.description, sizeRule, ...(hasLink ? [contextRule] : [])].join('\n\n'),
    });
  return {
    [`${BASE}/create`]: {
      post: batch({
        operationId: 'batchCreate',
        summary: 'Batch Entity Creation',
        clause: '§6.14.3.1 (Batch Entity Creation, §5.6.7)',
        description: 'Creates each entity of the array; existing ones fail with AlreadyExists.',
        body: jsonBody(
          'The entities to create.',
          {
            type: 'array',
            minItems: 1,
            maxItems: limits.maxBatchEntities,
            items: schemaRef('EntityInput'),
          },
          { examples: BATCH_ENTITIES_EXAMPLE },
        ),
        responses: { '201': created('Every entity was created: their ids.'), '207': multiStatus },
      }),
    },
    [`${BASE}/upsert`]: {
      post: batch({
        operationId: 'batchUpsert',
        summary: 'Batch Entity Creation or Update (Upsert)',
        clause: '§6.15.3.1 (Batch Entity Creation or Update, §5.6.8)',
        description:
          'Creates the entities that do not exist; replaces (default) or updates the ones that do.',
        query: [
          queryParam(
            'options',
            '`replace` (default): existing entities are replaced. `update`: their attributes are updated, others kept. Not both.',
            { type: 'string', enum: ['replace', 'update'] },
            'update',
          ),
        ],
        body: jsonBody(
          'The entities to create or update.',
          {
            type: 'array',
            minItems: 1,
            maxItems: limits.maxBatchEntities,
            items: schemaRef('EntityInput'),
          },
          { examples: BATCH_ENTITIES_EXAMPLE },
        ),
        responses: {
          '201': created('Some entities were created (their ids); the others were updated.'),
          '204': noContent('Every entity already existed and was updated.'),
          '207': multiStatus,
        },
      }),
    },
    [`${BASE}/update`]: {
      post: batch({
        operationId: 'batchUpdate',
        summary: 'Batch Entity Update',
        clause: '§6.16.3.1 (Batch Entity Update, §5.6.9)',
        description:
          'Updates attributes of existing entities (each item needs its id); missing entities fail with ResourceNotFound.',
        query: [
          queryParam(
            'options',
            '`noOverwrite`: keep attributes that already exist.',
            { type: 'string', enum: ['noOverwrite'] },
            'noOverwrite',
          ),
        ],
        body: jsonBody(
          'Entity fragments, each with its id.',
          {
            type: 'array',
            minItems: 1,
            maxItems: limits.maxBatchEntities,
            items: schemaRef('EntityFragment'),
          },
          { examples: BATCH_FRAGMENTS_EXAMPLE },
        ),
        responses: { '204': noContent('Every entity was updated.'), '207': multiStatus },
      }),
    },
    [`${BASE}/merge`]: {
      post: batch({
        operationId: 'batchMerge',
        summary: 'Batch Entity Merge',
        clause: '§6.31.3.1 (Batch Entity Merge, §5.6.20)',
        description: 'Merges each fragment into its entity, as Merge Entity does.',
        body: jsonBody(
          'Entity fragments, each with its id.',
          {
            type: 'array',
            minItems: 1,
            maxItems: limits.maxBatchEntities,
            items: schemaRef('MergeFragment'),
          },
          { examples: BATCH_FRAGMENTS_EXAMPLE },
        ),
        responses: { '204': noContent('Every entity was merged.'), '207': multiStatus },
      }),
    },
    [`${BASE}/delete`]: {
      post: batch(
        {
          operationId: 'batchDelete',
          summary: 'Batch Entity Delete',
          clause: '§6.17.3.1 (Batch Entity Delete, §5.6.10)',
          description:
            'Deletes the entities whose ids are given; missing ones fail with ResourceNotFound.',
          body: jsonBody(
            'Entity ids (URIs).',
            {
              type: 'array',
              minItems: 1,
              maxItems: limits.maxBatchEntities,
              items: { type: 'string', format: 'uri' },
            },
            {
              examples: {
                ids: {
                  summary: 'Two ids',
                  value: [PARKING_ID, 'urn:ngsi-ld:OffStreetParking:hanoi-002'],
                },
              },
            },
          ),
          responses: { '204': noContent('Every entity was deleted.'), '207': multiStatus },
        },
        false,
      ),
    },
  };
}
