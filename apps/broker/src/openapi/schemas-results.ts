import { SPEC, schemaRef } from './operation-kit.js';
import type { SchemaObject } from './openapi-types.js';

const ENTITY_ID = { type: 'string', format: 'uri' };

/**
 * Results of operations that can partly succeed: batch operations (BatchOperationResult) and
 * attribute updates (UpdateResult), both answered with 207 Multi-Status.
 * @example Object.assign(components.schemas, resultSchemas())
 */
export function resultSchemas(): Record<string, SchemaObject> {
  return {
    EntityIdList: {
      type: 'array',
      description: 'Entity ids (URIs).',
      items: ENTITY_ID,
    },
    BatchEntityError: {
      type: 'object',
      description: `Why one entity of a batch failed (${SPEC} §5.2.17).`,
      required: ['entityId', 'error'],
      properties: {
        entityId: {
          type: 'string',
          description: 'The entity id, or `[index]` when the item had no usable id.',
        },
        error: schemaRef('ProblemDetails'),
      },
    },
    BatchOperationResult: {
      type: 'object',
      description: `The outcome of a batch where some entities failed (${SPEC} §5.2.16): the ids that succeeded, and one error per entity that did not.`,
      required: ['success', 'errors'],
      properties: {
        success: { type: 'array', items: ENTITY_ID },
        errors: { type: 'array', items: schemaRef('BatchEntityError') },
      },
    },
    NotUpdatedDetails: {
      type: 'object',
      description: `An attribute that was not written, and why (${SPEC} §5.2.19).`,
      required: ['attributeName', 'reason'],
      properties: { attributeName: { type: 'string' }, reason: { type: 'string' } },
    },
    UpdateResult: {
      type: 'object',
      description: `The outcome of an attribute update where some attributes were not written (${SPEC} §5.2.18).`,
      required: ['updated', 'notUpdated'],
      properties: {
        updated: {
          type: 'array',
          items: { type: 'string' },
          description: 'Attribute names written.',
        },
        notUpdated: { type: 'array', items: schemaRef('NotUpdatedDetails') },
      },
    },
  };
}
