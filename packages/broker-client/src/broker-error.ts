import type { ProblemDetails } from '@legocity/ngsi-ld';

/** What went wrong: the broker answered with an error status, or no usable answer came back. */
export type BrokerErrorReason = 'http' | 'timeout' | 'network' | 'invalid-response';

export interface BrokerErrorInit {
  reason: BrokerErrorReason;
  /** The HTTP status; 0 when no response arrived. */
  status: number;
  method: string;
  /** The URL path only: query strings may carry secrets. */
  path: string;
  problem?: ProblemDetails;
  attempts: number;
  cause?: unknown;
}

/**
 * The one error this client throws for a failed request. It carries the status, the broker's
 * ProblemDetails when the body was one, the method and the URL path — never headers or a query
 * string, so it can be logged as is.
 *
 * @example
 * try { await client.createEntity(entity); }
 * catch (err) { if (err instanceof BrokerError && err.is('AlreadyExists')) { ... } }
 */
export class BrokerError extends Error {
  readonly reason: BrokerErrorReason;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly problem: ProblemDetails | undefined;
  readonly attempts: number;

  constructor(message: string, init: BrokerErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'BrokerError';
    this.reason = init.reason;
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.problem = init.problem;
    this.attempts = init.attempts;
  }

  /** The ProblemDetails `type` URI, e.g. "https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound". */
  get type(): string | undefined {
    return this.problem?.type;
  }

  get title(): string | undefined {
    return this.problem?.title;
  }

  get detail(): string | undefined {
    return this.problem?.detail;
  }

  /** The error type's short name, e.g. "ResourceNotFound" (the last segment of `type`). */
  get errorType(): string | undefined {
    return this.problem ? errorTypeName(this.problem.type) : undefined;
  }

  /**
   * Whether the broker reported this NGSI-LD error type (short name or full URI).
   * @example if (err.is('ResourceNotFound')) return undefined;
   */
  is(errorType: string): boolean {
    return this.type === errorType || this.errorType === errorType;
  }
}

export function isBrokerError(value: unknown): value is BrokerError {
  return value instanceof BrokerError;
}

/** "https://uri.etsi.org/ngsi-ld/errors/AlreadyExists" → "AlreadyExists". */
export function errorTypeName(type: string): string {
  const name = type.split(/[/#]/).pop();
  return name || type;
}

/**
 * Read an RFC 7807 body as brokers send it. Orion-LD, Stellio and Scorpio all send `type` and
 * `title` but not always `status` or `detail`, so missing members are filled rather than rejected.
 */
export function parseProblem(body: unknown, status: number): ProblemDetails | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const type = typeof record.type === 'string' ? record.type : undefined;
  const title = typeof record.title === 'string' ? record.title : undefined;
  if (type === undefined && title === undefined) return undefined;
  return {
    ...record,
    type: type ?? 'about:blank',
    title: title ?? '',
    status: typeof record.status === 'number' ? record.status : status,
    detail: typeof record.detail === 'string' ? record.detail : '',
  };
}
