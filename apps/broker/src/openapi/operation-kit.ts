import type {
  HeaderObject,
  MediaTypeObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from './openapi-types.js';

/** The spec version every clause in this document refers to. */
export const SPEC = 'ETSI GS CIM 009 v1.8.1';

export type Tag =
  | 'Entities'
  | 'Batch'
  | 'Query'
  | 'Temporal'
  | 'Discovery'
  | 'Contexts'
  | 'Subscriptions'
  | 'Admin'
  | 'Operations'
  | 'Documentation';

/**
 * A reference to a component of the document.
 * @example schemaRef('ProblemDetails') // { $ref: '#/components/schemas/ProblemDetails' }
 */
export function schemaRef(name: string): ReferenceObject {
  return { $ref: `#/components/schemas/${name}` };
}

/** @example paramRef('limit') // { $ref: '#/components/parameters/limit' } */
export function paramRef(name: string): ReferenceObject {
  return { $ref: `#/components/parameters/${name}` };
}

/** @example headerRef('XCorrelationId') */
export function headerRef(name: string): ReferenceObject {
  return { $ref: `#/components/headers/${name}` };
}

/** @example responseRef('BadRequest') */
export function responseRef(name: string): ReferenceObject {
  return { $ref: `#/components/responses/${name}` };
}

/**
 * A query parameter described in place (for parameters whose meaning is particular to one route).
 * @example queryParam('details', 'Whether to return full objects', { type: 'boolean' })
 */
export function queryParam(
  name: string,
  description: string,
  schema: SchemaObject,
  example?: unknown,
): ParameterObject {
  return {
    name,
    in: 'query',
    description,
    required: false,
    schema,
    ...(example !== undefined ? { example } : {}),
  };
}

/**
 * The same schema and examples under several media types.
 * @example content(['application/json'], schemaRef('Entity'))
 */
export function content(
  mediaTypes: readonly string[],
  schema: SchemaObject | ReferenceObject,
  examples?: MediaTypeObject['examples'],
): Record<string, MediaTypeObject> {
  const media: MediaTypeObject = { schema, ...(examples ? { examples } : {}) };
  return Object.fromEntries(mediaTypes.map((type) => [type, media]));
}

/**
 * A request body sent as application/json or application/ld+json (and any other media type given).
 * @example jsonBody('The entity to create', schemaRef('EntityInput'))
 */
export function jsonBody(
  description: string,
  schema: SchemaObject | ReferenceObject,
  options: { examples?: MediaTypeObject['examples']; mediaTypes?: readonly string[] } = {},
): RequestBodyObject {
  const mediaTypes = options.mediaTypes ?? ['application/json', 'application/ld+json'];
  return { description, required: true, content: content(mediaTypes, schema, options.examples) };
}

/**
 * A success response; X-Correlation-Id is added to every response.
 * @example response('The entity', { content: content(['application/json'], schemaRef('Entity')) })
 */
export function response(
  description: string,
  parts: {
    headers?: Record<string, HeaderObject | ReferenceObject>;
    content?: Record<string, MediaTypeObject>;
  } = {},
): ResponseObject {
  return {
    description,
    headers: { 'X-Correlation-Id': headerRef('XCorrelationId'), ...parts.headers },
    ...(parts.content ? { content: parts.content } : {}),
  };
}

/**
 * 204 No Content.
 * @example noContent('Deleted.')
 */
export function noContent(description: string): ResponseObject {
  return response(description);
}

/** What every operation declares; the builder adds the shared headers and error answers. */
export interface OperationSpec {
  operationId: string;
  summary: string;
  tag: Tag;
  /** Where the spec defines it, e.g. `§6.4.3.1 (Create Entity, §5.6.1)`. */
  clause?: string;
  description: string;
  /** Component names of path parameters, in path order. */
  path?: string[];
  /** Query parameters: component names (strings) or objects described in place. */
  query?: (string | ParameterObject)[];
  /** NGSILD-Tenant applies (entities, queries, batches, discovery). */
  hasTenant?: boolean;
  /** A Link header may carry the request's @context. */
  hasLink?: boolean;
  body?: RequestBodyObject;
  responses: Record<string, ResponseObject | ReferenceObject>;
}

/**
 * An OpenAPI operation: the spec clause first in its description, shared header parameters, and
 * the error answers every route of the RouteTable can give (400 unknown parameter, 500).
 * @example operation({ operationId: 'deleteEntity', summary: 'Delete Entity', tag: 'Entities', … })
 */
export function operation(spec: OperationSpec): OperationObject {
  const parameters: (ParameterObject | ReferenceObject)[] = [
    ...(spec.path ?? []).map(paramRef),
    ...(spec.query ?? []).map((p) => (typeof p === 'string' ? paramRef(p) : p)),
    ...(spec.hasTenant ? [paramRef('NGSILD-Tenant')] : []),
    ...(spec.hasLink ? [paramRef('Link')] : []),
    paramRef('X-Correlation-Id'),
  ];
  const citation = spec.clause ? `${SPEC} ${spec.clause}.\n\n` : '';
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: citation + spec.description,
    tags: [spec.tag],
    parameters,
    ...(spec.body ? { requestBody: spec.body } : {}),
    responses: { ...spec.responses, ...defaultErrors(spec) },
  };
}

function defaultErrors(spec: OperationSpec): Record<string, ReferenceObject> {
  const errors: Record<string, ReferenceObject> = {};
  if (!spec.responses['400']) errors['400'] = responseRef('BadRequest');
  if (spec.body) {
    errors['411'] = responseRef('LengthRequired');
    errors['413'] = responseRef('PayloadTooLarge');
    errors['415'] = responseRef('UnsupportedMediaType');
  }
  // NGSI-LD routes reject the spec's unsupported parameters (csf, local, join…) with 501 and
  // answer 503 while the database or a remote @context cannot be reached.
  const isNgsiLd =
    spec.tag !== 'Operations' && spec.tag !== 'Documentation' && spec.tag !== 'Admin';
  if (isNgsiLd) errors['501'] = responseRef('NotImplemented');
  if (isNgsiLd && !spec.responses['503']) errors['503'] = responseRef('ServiceUnavailable');
  errors['500'] = responseRef('InternalError');
  return errors;
}
