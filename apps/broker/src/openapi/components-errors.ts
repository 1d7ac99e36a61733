import { ERROR_TYPES, NgsiLdError, errorTypeUri, type ErrorTypeName } from '@legocity/ngsi-ld';
import { content, headerRef, schemaRef, SPEC } from './operation-kit.js';
import type { ExampleObject, ResponseObject, SchemaObject } from './openapi-types.js';

const ERROR_NAMES = Object.keys(ERROR_TYPES) as ErrorTypeName[];

/** One sample of each error type, worded as the broker words it (STYLE.md habit 5). */
const SAMPLES: Record<ErrorTypeName, NgsiLdError> = {
  InvalidRequest: NgsiLdError.fromProblems('InvalidRequest', [
    { field: 'colour', message: 'is not a parameter of this operation (allowed: type, attrs)' },
  ]),
  BadRequestData: new NgsiLdError('BadRequestData', "Entity id 'parking 1' is not a valid URI", {
    field: 'entityId',
  }),
  AlreadyExists: new NgsiLdError(
    'AlreadyExists',
    'Entity urn:ngsi-ld:OffStreetParking:hanoi-001 already exists',
    { field: 'id' },
  ),
  OperationNotSupported: new NgsiLdError(
    'OperationNotSupported',
    '@context 8d2f6c1e is Cached: fetch it from https://example.org/parking-context.jsonld',
    { field: 'contextId' },
  ),
  ResourceNotFound: new NgsiLdError(
    'ResourceNotFound',
    'Entity urn:ngsi-ld:OffStreetParking:hanoi-001 does not exist',
    {
      field: 'entityId',
    },
  ),
  InternalError: new NgsiLdError(
    'InternalError',
    'The broker failed to process the request; report correlation id 4f1c…',
    {
      extra: { correlationId: '4f1c2a9e-0b7d-4c1e-9a51-2f6f0e3b7c10' },
    },
  ),
  TooComplexQuery: new NgsiLdError(
    'TooComplexQuery',
    'The query took too long and was cancelled; narrow it down',
  ),
  TooManyResults: new NgsiLdError(
    'TooManyResults',
    'limit 5000 exceeds the maximum of 1000; page with offset',
    { field: 'limit' },
  ),
  LdContextNotAvailable: new NgsiLdError(
    'LdContextNotAvailable',
    '@context https://example.org/parking-context.jsonld could not be retrieved: timed out after 5000 ms',
    { field: '@context' },
  ),
  NoMultiTenantSupport: new NgsiLdError(
    'NoMultiTenantSupport',
    'This broker does not support tenants',
  ),
  NonexistentTenant: new NgsiLdError('NonexistentTenant', "Tenant 'city-hanoi' does not exist"),
  NotAcceptable: new NgsiLdError(
    'NotAcceptable',
    'None of the media types in Accept (text/html) can be produced; offered: application/json, application/ld+json',
    { field: 'Accept' },
  ),
  UnsupportedMediaType: new NgsiLdError(
    'UnsupportedMediaType',
    'Unsupported Media Type: text/plain; use application/json or application/ld+json',
  ),
  LengthRequired: new NgsiLdError(
    'LengthRequired',
    'POST needs a body with a Content-Length header',
    { field: 'Content-Length' },
  ),
  PayloadTooLarge: new NgsiLdError('PayloadTooLarge', 'Request body is too large'),
  MethodNotAllowed: new NgsiLdError(
    'MethodNotAllowed',
    'PUT is not allowed on /ngsi-ld/v1/types; allowed: GET',
  ),
  NotImplemented: new NgsiLdError(
    'NotImplemented',
    "Query parameter 'csf' is not supported by this broker",
    { field: 'csf' },
  ),
  Unauthorized: new NgsiLdError('Unauthorized', 'The request needs valid credentials'),
  Forbidden: new NgsiLdError('Forbidden', 'The credentials do not allow this operation'),
  TooManyRequests: new NgsiLdError('TooManyRequests', 'Too many requests; retry later'),
  ServiceUnavailable: new NgsiLdError(
    'ServiceUnavailable',
    'The database cannot be reached; retry shortly',
  ),
};

/** The error answers operations refer to, by component name. */
const ERROR_RESPONSES: Record<string, { description: string; types: ErrorTypeName[] }> = {
  BadRequest: {
    description:
      'The request is malformed (unknown or repeated query parameter, invalid JSON: InvalidRequest) or its data breaks a rule of the operation (BadRequestData). `problems` lists every problem found.',
    types: ['InvalidRequest', 'BadRequestData'],
  },
  NotFound: {
    description:
      'The entity, attribute, type, @context or subscription does not exist (ResourceNotFound), or the NGSILD-Tenant was never written to (NonexistentTenant).',
    types: ['ResourceNotFound', 'NonexistentTenant'],
  },
  Conflict: {
    description: 'The entity (or subscription) already exists.',
    types: ['AlreadyExists'],
  },
  TooManyResults: {
    description:
      '`limit` is above the broker maximum (TooManyResults), or the query is too complex or too slow to answer (TooComplexQuery).',
    types: ['TooManyResults', 'TooComplexQuery'],
  },
  NotAcceptable: {
    description: 'No media type in the Accept header can be produced.',
    types: ['NotAcceptable'],
  },
  LengthRequired: {
    description: 'The request has a body but neither Content-Length nor chunked transfer encoding.',
    types: ['LengthRequired'],
  },
  PayloadTooLarge: {
    description: 'The body is larger than the configured limit.',
    types: ['PayloadTooLarge'],
  },
  UnsupportedMediaType: {
    description:
      'The Content-Type is not application/json, application/ld+json or application/merge-patch+json.',
    types: ['UnsupportedMediaType'],
  },
  Unprocessable: {
    description: 'The operation is not possible on this resource.',
    types: ['OperationNotSupported'],
  },
  NotImplemented: {
    description:
      'A parameter of the spec that this broker does not support was given (csf, local, via, join, joinLevel, containedBy, entityMap, scopeQ, datasetId, expandValues, collectionSize, doNotCompact), or a Subscription member it does not support (timeInterval, temporalQ…): it is refused, never ignored.',
    types: ['NotImplemented'],
  },
  ServiceUnavailable: {
    description:
      'A remote @context named by the request cannot be fetched (LdContextNotAvailable), or the database cannot be reached (ServiceUnavailable). Retry later.',
    types: ['LdContextNotAvailable', 'ServiceUnavailable'],
  },
  Unauthorized: {
    description:
      'No API key, or one that is unknown, malformed, expired, revoked or rotated out. The answer carries `WWW-Authenticate: Bearer`.',
    types: ['Unauthorized'],
  },
  Forbidden: {
    description:
      "The API key is valid but its scopes do not allow this: the wrong tenant, read-only, not admin, or (for writes) an entity type outside the key's list, which the detail names.",
    types: ['Forbidden'],
  },
  TooManyRequests: {
    description:
      'The API key is over its request rate (LEGOCITY_BROKER_RATE_LIMIT or its own); `Retry-After` gives the seconds to wait.',
    types: ['TooManyRequests'],
  },
  InternalError: {
    description:
      'The broker failed; the answer names only the correlation id, the cause is in the broker log under that id.',
    types: ['InternalError'],
  },
};

/**
 * The ProblemDetails schema, whose `type` is one of the closed table of error types.
 * @example components.schemas.ProblemDetails = problemDetailsSchema()
 */
export function problemDetailsSchema(): SchemaObject {
  return {
    type: 'object',
    description: `An RFC 7807 problem as NGSI-LD returns it (${SPEC} §5.5.3; statuses per §6.3.2), always sent as application/json.\n\n${errorTable()}`,
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: {
        type: 'string',
        format: 'uri',
        enum: ERROR_NAMES.map(errorTypeUri),
        description: 'The error type URI.',
      },
      title: { type: 'string', description: 'Short summary of the error type.' },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: {
        type: 'string',
        description: 'What went wrong, naming the entity, attribute or parameter at fault.',
      },
      field: {
        type: 'string',
        description: 'The parameter, header or body member at fault, when there is one.',
      },
      problems: {
        type: 'array',
        description: 'Every problem found, when there was more than one.',
        items: {
          type: 'object',
          required: ['field', 'message'],
          properties: { field: { type: 'string' }, message: { type: 'string' } },
        },
      },
      correlationId: {
        type: 'string',
        description: 'Present on 500 answers: quote it when reporting the failure.',
      },
    },
  };
}

/**
 * Reusable error responses, each with one example per error type it may carry.
 * @example components.responses = errorResponses()
 */
export function errorResponses(): Record<string, ResponseObject> {
  return Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([name, { description, types }]) => [
      name,
      {
        description,
        headers: { 'X-Correlation-Id': headerRef('XCorrelationId') },
        content: content(['application/json'], schemaRef('ProblemDetails'), examplesOf(types)),
      },
    ]),
  );
}

function examplesOf(types: ErrorTypeName[]): Record<string, ExampleObject> {
  return Object.fromEntries(
    types.map((type) => [
      type,
      { summary: ERROR_TYPES[type].title, value: SAMPLES[type].toProblemDetails() },
    ]),
  );
}

function errorTable(): string {
  const rows = ERROR_NAMES.map(
    (name) => `| ${name} | ${ERROR_TYPES[name].status} | ${errorTypeUri(name)} |`,
  );
  return ['| Error type | HTTP status | `type` URI |', '| --- | --- | --- |', ...rows].join('\n');
}
