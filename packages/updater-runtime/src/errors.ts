/**
 * The two errors the runtime reasons about. A RetryableError may succeed later (network, 5xx,
 * timeout, 429, a full outbox); a PermanentError will not until someone changes something (a 4xx,
 * a payload that cannot be parsed, an entity that breaks its contract, a revoked key). `kind` is a
 * short, stable word used in reports and metric labels; it never holds an id or a value.
 */

/** Error kinds the runtime itself uses; sources may add their own (lower-case, dashes). */
export type ErrorKind =
  | 'http-5xx'
  | 'http-4xx'
  | 'timeout'
  | 'network'
  | 'rate-limited'
  | 'parse'
  | 'transform'
  | 'contract'
  | 'unknown-device'
  | 'outbox-full'
  | 'auth'
  | 'broker'
  | 'broker-rejected'
  | 'unknown'
  | (string & {});

export interface UpdaterErrorOptions {
  /** How long the other side asked us to wait (429 Retry-After), in ms. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** What both error classes share. */
export abstract class UpdaterError extends Error {
  readonly kind: ErrorKind;
  readonly retryAfterMs: number | undefined;
  abstract readonly isRetryable: boolean;

  constructor(kind: ErrorKind, message?: string, options: UpdaterErrorOptions = {}) {
    super(message ?? kind, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * A failure worth trying again later.
 * @example throw new RetryableError('http-5xx', 'GET https://api.example/x failed: 503');
 */
export class RetryableError extends UpdaterError {
  readonly isRetryable = true;
  override readonly name = 'RetryableError';
}

/**
 * A failure that repeats until someone changes the input, the configuration or the key.
 * @example throw new PermanentError('parse', 'GET https://api.example/x: body is not JSON');
 */
export class PermanentError extends UpdaterError {
  readonly isRetryable = false;
  override readonly name = 'PermanentError';
}

/**
 * Whether an error is worth another attempt. Errors that are neither class (a TypeError in a
 * transform, say) are programming errors: trying again only repeats them, so they are permanent.
 * @example if (isRetryable(err)) scheduleRetry();
 */
export function isRetryable(error: unknown): boolean {
  return error instanceof UpdaterError && error.isRetryable;
}

/**
 * The kind of any error: its own for ours, 'unknown' otherwise.
 * @example errorKind(new RetryableError('timeout')) // 'timeout'
 */
export function errorKind(error: unknown): ErrorKind {
  return error instanceof UpdaterError ? error.kind : 'unknown';
}

/**
 * Wrap anything thrown into one of our errors, keeping ours as they are.
 * @example toUpdaterError(new TypeError('x'), 'transform') // PermanentError kind 'transform'
 */
export function toUpdaterError(error: unknown, fallbackKind: ErrorKind = 'unknown'): UpdaterError {
  if (error instanceof UpdaterError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PermanentError(fallbackKind, message, { cause: error });
}
