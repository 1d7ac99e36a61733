import { messages } from './messages.js';

/** Capped exponential backoff with full jitter. */
export interface RetryPolicy {
  /** Attempts in all, the first included: 1 turns retries off. */
  attempts: number;
  baseDelayMs: number;
  /** Upper bound of any one wait, Retry-After included. */
  maxDelayMs: number;
}

/** Told before each retry, e.g. to count retries in a metric. Carries no header or query value. */
export interface RetryEvent {
  method: string;
  path: string;
  /** The attempt that failed (1 for the first). */
  attempt: number;
  delayMs: number;
  /** "503", "429", "timeout" or "network". */
  reason: string;
}

export interface BrokerClientOptions {
  /** Broker origin, e.g. "http://localhost:1026"; "/ngsi-ld/v1" is appended. */
  baseUrl: string;
  /** Sent as the NGSILD-Tenant header. */
  tenant?: string;
  /** @context URL sent as a Link header; absent → the core context only. */
  context?: string;
  /** Extra headers, e.g. Authorization. Never logged, never in error messages. */
  headers?: Record<string, string>;
  /**
   * An API key, sent as `Authorization: Bearer <apiKey>` (LegoCity, and brokers behind a bearer
   * token gateway). Never logged, never in error messages.
   */
  apiKey?: string;
  /** Per attempt, default 10 000. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Retry createEntity, createEntities and addContext too (see README: retry semantics). */
  retryNonIdempotent?: boolean;
  fetch?: typeof fetch;
  userAgent?: string;
  onRetry?: (event: RetryEvent) => void;
}

/** Options after parsing: complete and valid. */
export interface ClientSettings {
  /** Origin plus any path prefix, without a trailing slash and without "/ngsi-ld/v1". */
  baseUrl: string;
  tenant: string | undefined;
  context: string | undefined;
  headers: Readonly<Record<string, string>>;
  timeoutMs: number;
  retry: RetryPolicy;
  retryNonIdempotent: boolean;
  fetch: typeof fetch;
  userAgent: string;
  onRetry: ((event: RetryEvent) => void) | undefined;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 };
export const DEFAULT_USER_AGENT = 'legocity-broker-client';
export const API_ROOT = '/ngsi-ld/v1';

/**
 * Turn caller options into settings, reporting every problem at once by option name. Values are
 * never echoed: a base URL or header may carry a credential.
 * @example parseClientOptions({ baseUrl: 'http://localhost:1026' }).timeoutMs // 10000
 */
export function parseClientOptions(options: BrokerClientOptions): ClientSettings {
  const problems: string[] = [];
  const baseUrl = parseBaseUrl(options.baseUrl, problems);
  if (options.tenant !== undefined) checkTenant(options.tenant, problems);
  if (options.context !== undefined) checkContext(options.context, problems);
  if (options.headers !== undefined && !areValidHeaders(options.headers)) {
    problems.push('headers must hold valid HTTP header names and values');
  }
  if (options.apiKey !== undefined) checkApiKey(options, problems);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) problems.push('timeoutMs must be positive');
  const retry: RetryPolicy = {
    attempts: options.retry?.attempts ?? DEFAULT_RETRY.attempts,
    baseDelayMs: options.retry?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: options.retry?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
  };
  if (!(Number.isInteger(retry.attempts) && retry.attempts >= 1)) {
    problems.push('retry.attempts must be an integer of at least 1');
  }
  if (!(retry.baseDelayMs >= 0)) problems.push('retry.baseDelayMs must be 0 or more');
  if (!(retry.maxDelayMs >= retry.baseDelayMs)) {
    problems.push('retry.maxDelayMs must be at least retry.baseDelayMs');
  }
  refuseProblems(problems);
  return {
    baseUrl,
    tenant: options.tenant,
    context: options.context,
    headers: {
      ...options.headers,
      ...(options.apiKey !== undefined && { Authorization: `Bearer ${options.apiKey}` }),
    },
    timeoutMs,
    retry,
    retryNonIdempotent: options.retryNonIdempotent ?? false,
    fetch: options.fetch ?? globalThis.fetch,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    onRetry: options.onRetry,
  };
}

function checkApiKey(options: BrokerClientOptions, problems: string[]): void {
  // Values are never echoed: this is a credential.
  if (!/^[\x21-\x7e]+$/.test(options.apiKey ?? '')) {
    problems.push('apiKey must be non-empty printable text without spaces');
  }
  const headerNames = Object.keys(options.headers ?? {}).map((name) => name.toLowerCase());
  if (headerNames.includes('authorization')) {
    problems.push('apiKey and headers.Authorization cannot both be given');
  }
}

export function checkTenant(tenant: string, problems: string[]): void {
  if (tenant.trim() === '') problems.push('tenant must not be empty');
}

export function checkContext(context: string, problems: string[]): void {
  if (!isHttpUrl(context)) problems.push('context must be an absolute http(s) URL');
}

/** Throw one TypeError naming every problem, or nothing when there is none. */
export function refuseProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw new TypeError(messages.invalidOptions(problems));
}

function parseBaseUrl(value: string, problems: string[]): string {
  if (!isHttpUrl(value)) {
    problems.push('baseUrl must be an absolute http(s) URL');
    return '';
  }
  const url = new URL(value);
  // fetch refuses URLs with credentials; say so early, and point to the headers option.
  if (url.username || url.password) {
    problems.push('baseUrl must not hold credentials: pass them in headers');
  }
  if (url.search || url.hash) problems.push('baseUrl must not have a query string or fragment');
  // A common slip is to pass the API root itself; accept it rather than doubling the path.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/ngsi-ld\/v1$/, '');
  return `${url.origin}${path}`;
}

function areValidHeaders(headers: Record<string, string>): boolean {
  try {
    new Headers(headers);
    return true;
  } catch {
    // The Headers error quotes the offending value, which may be a token: report the option only.
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}
