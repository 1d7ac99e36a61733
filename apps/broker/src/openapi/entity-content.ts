import {
  ENTITY_EXAMPLES,
  ENTITY_LIST_EXAMPLES,
  FEATURE_COLLECTION_EXAMPLE,
  FEATURE_EXAMPLE,
} from './examples.js';
import { headerRef, schemaRef } from './operation-kit.js';
import type { HeaderObject, MediaTypeObject, ReferenceObject } from './openapi-types.js';

/**
 * The negotiated bodies of an entity answer (§6.3.4): application/json (default; @context in the
 * Link header), application/ld+json ("@context" in the body), application/geo+json.
 * @example response('The entity', { headers: entityHeaders(), content: entityContent('one') })
 */
export function entityContent(cardinality: 'one' | 'list'): Record<string, MediaTypeObject> {
  const isOne = cardinality === 'one';
  const entity = isOne ? schemaRef('Entity') : { type: 'array', items: schemaRef('Entity') };
  const examples = isOne ? ENTITY_EXAMPLES : ENTITY_LIST_EXAMPLES;
  return {
    'application/json': { schema: entity, examples },
    'application/ld+json': { schema: entity, examples },
    'application/geo+json': {
      schema: schemaRef(isOne ? 'Feature' : 'FeatureCollection'),
      examples: isOne ? FEATURE_EXAMPLE : FEATURE_COLLECTION_EXAMPLE,
    },
  };
}

/**
 * Headers of an answer whose body is compacted with a @context.
 * @example contextHeaders({ hasTenant: true })
 */
export function contextHeaders(options: {
  hasTenant: boolean;
}): Record<string, HeaderObject | ReferenceObject> {
  return {
    Link: headerRef('Link'),
    ...(options.hasTenant ? { 'NGSILD-Tenant': headerRef('Tenant') } : {}),
  };
}

/**
 * The echoed tenant header, for answers without a body.
 * @example response('Deleted.', { headers: tenantHeader() })
 */
export function tenantHeader(): Record<string, ReferenceObject> {
  return { 'NGSILD-Tenant': headerRef('Tenant') };
}
