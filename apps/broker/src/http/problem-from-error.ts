import { NgsiLdError, type ProblemDetails } from '@legocity/ngsi-ld';

export interface ProblemResponse {
  status: number;
  body: ProblemDetails;
  /** True when the cause is ours (5xx): log it with the stack, never show it. */
  isServerError: boolean;
}

interface ErrorLike {
  code?: string;
  statusCode?: number;
  message?: string;
  validation?: unknown;
}

// Fastify's own request errors, in the NGSI-LD vocabulary.
const FASTIFY_CODES: Record<string, NgsiLdError['errorType']> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UnsupportedMediaType',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PayloadTooLarge',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'InvalidRequest',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'InvalidRequest',
  FST_ERR_CTP_INVALID_JSON_BODY: 'InvalidRequest',
  FST_ERR_NOT_FOUND: 'ResourceNotFound',
};

// PostgreSQL SQLSTATEs caused by the request rather than by us.
const SQL_STATES: Record<
  string,
  { type: NgsiLdError['errorType']; detail: (message: string) => string }
> = {
  '2201B': {
    type: 'BadRequestData',
    detail: (m) => `A regular expression in the query is invalid: ${m}`,
  },
  '57014': {
    type: 'TooComplexQuery',
    detail: () => 'The query took too long and was cancelled; narrow it down',
  },
  '54001': { type: 'TooComplexQuery', detail: () => 'The query is too complex to evaluate' },
  '53300': {
    type: 'ServiceUnavailable',
    detail: () => 'The database has no free connection; retry shortly',
  },
  '57P01': {
    type: 'ServiceUnavailable',
    detail: () => 'The database is restarting; retry shortly',
  },
};

/**
 * Turn any error into a ProblemDetails response (STYLE.md habit 4: one place). Expected
 * failures keep their message; anything else becomes a 500 that names only the correlation id.
 * @example const { status, body } = problemFromError(error, request.id)
 */
export function problemFromError(error: unknown, correlationId: string): ProblemResponse {
  const known = toNgsiLdError(error);
  if (known)
    return {
      status: known.status,
      body: known.toProblemDetails(),
      isServerError: known.status >= 500,
    };
  const internal = new NgsiLdError(
    'InternalError',
    `The broker failed to process the request; report correlation id ${correlationId}`,
    { extra: { correlationId } },
  );
  return { status: 500, body: internal.toProblemDetails(), isServerError: true };
}

function toNgsiLdError(error: unknown): NgsiLdError | undefined {
  if (error instanceof NgsiLdError) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode, message = '', validation } = error as ErrorLike;
  if (code && FASTIFY_CODES[code])
    return new NgsiLdError(FASTIFY_CODES[code], fastifyMessage(code, message));
  if (validation) return new NgsiLdError('InvalidRequest', message);
  if (code && SQL_STATES[code]) {
    const known = SQL_STATES[code];
    return new NgsiLdError(known.type, known.detail(message));
  }
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === '08006' || code === '08001') {
    return new NgsiLdError('ServiceUnavailable', 'The database cannot be reached; retry shortly');
  }
  if (
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500 &&
    code?.startsWith('FST_')
  ) {
    return new NgsiLdError('InvalidRequest', message);
  }
  return undefined;
}

function fastifyMessage(code: string, message: string): string {
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY') return `Request body is not valid JSON: ${message}`;
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return 'Request body is empty but Content-Type says JSON';
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return `${message}; use application/json or application/ld+json`;
  }
  return message;
}
