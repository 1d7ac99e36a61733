/**
 * The closed table of NGSI-LD error types and their HTTP status codes.
 * ETSI GS CIM 009 v1.8.1 §5.5.2 (error types) and §6.3.2 (mapping to HTTP status codes).
 *
 * Statuses the spec names for HTTP-level conditions but gives no error type (405, 406, 411, 413,
 * 415) use InvalidRequest's type URI with the HTTP status; see docs/errors.md.
 */
export const ERROR_TYPES = {
  InvalidRequest: { status: 400, title: 'The request is syntactically invalid' },
  BadRequestData: {
    status: 400,
    title: 'The request includes input data that does not meet the requirements of the operation',
  },
  AlreadyExists: { status: 409, title: 'The referred element already exists' },
  OperationNotSupported: { status: 422, title: 'The operation is not supported' },
  ResourceNotFound: { status: 404, title: 'The referred resource has not been found' },
  InternalError: { status: 500, title: 'There has been an error during the operation execution' },
  TooComplexQuery: { status: 403, title: 'The query is too complex and cannot be resolved' },
  TooManyResults: { status: 403, title: 'The query yields too many results' },
  LdContextNotAvailable: { status: 503, title: 'A remote JSON-LD @context could not be retrieved' },
  NoMultiTenantSupport: {
    status: 501,
    title: 'The implementation does not support multiple tenants',
  },
  NonexistentTenant: { status: 404, title: 'The addressed tenant does not exist' },
  NotAcceptable: {
    status: 406,
    title: 'None of the media types in the Accept header can be produced',
  },
  UnsupportedMediaType: { status: 415, title: 'The Content-Type of the request is not supported' },
  LengthRequired: { status: 411, title: 'The request has a body but no Content-Length' },
  PayloadTooLarge: { status: 413, title: 'The request body is larger than the server accepts' },
  MethodNotAllowed: { status: 405, title: 'The method is not allowed on this resource' },
  NotImplemented: { status: 501, title: 'The operation is not implemented by this broker' },
  Unauthorized: { status: 401, title: 'The request needs valid credentials' },
  Forbidden: { status: 403, title: 'The credentials do not allow this operation' },
  TooManyRequests: { status: 429, title: 'Too many requests' },
  ServiceUnavailable: { status: 503, title: 'The service is temporarily unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorTypeName = keyof typeof ERROR_TYPES;

/** Error types defined by the NGSI-LD specification; the others are HTTP-level conditions. */
const SPEC_TYPES = new Set<ErrorTypeName>([
  'InvalidRequest',
  'BadRequestData',
  'AlreadyExists',
  'OperationNotSupported',
  'ResourceNotFound',
  'InternalError',
  'TooComplexQuery',
  'TooManyResults',
  'LdContextNotAvailable',
  'NoMultiTenantSupport',
  'NonexistentTenant',
]);

const NGSI_LD_ERRORS = 'https://uri.etsi.org/ngsi-ld/errors/';
const LEGOCITY_ERRORS = 'https://legocity.dev/errors/';

/**
 * The `type` URI of a ProblemDetails for an error type.
 * @example errorTypeUri('ResourceNotFound') // 'https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound'
 */
export function errorTypeUri(name: ErrorTypeName): string {
  return (SPEC_TYPES.has(name) ? NGSI_LD_ERRORS : LEGOCITY_ERRORS) + name;
}
