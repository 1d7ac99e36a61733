import { setTimeout as sleep } from 'node:timers/promises';
import type { JsonValue } from '@legocity/ngsi-ld';
import { BrokerError, errorTypeName, parseProblem } from './broker-error.js';
import type { ClientSettings, RetryEvent } from './client-options.js';
import { requestHeaders } from './headers.js';
import { messages, type RequestLine } from './messages.js';
import { isRetryableStatus, parseRetryAfter, retryDelay } from './retry.js';
import { requestUrl, type QueryValues } from './url.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface BrokerRequest {
  method: HttpMethod;
  /** Path from the base URL, variable parts already encoded (see apiPath). */
  path: string;
  query?: QueryValues;
  body?: JsonValue;
  /** Default application/json. */
  accept?: string;
  /** Send the body as application/json without a Link header, whatever it holds. */
  isPlainJson?: boolean;
  /** Safe to repeat. Other requests are retried only when the client opted in. */
  isIdempotent: boolean;
  /** Overrides the retry policy's attempts (a health probe makes one). */
  maxAttempts?: number;
  /** Statuses to return rather than throw, beyond 2xx (a health probe reads its 503 body). */
  isAnswer?: (status: number) => boolean;
}

export interface BrokerResponse {
  request: RequestLine;
  status: number;
  headers: Headers;
  body: JsonValue | undefined;
  /** Attempts made, this one included: above 1, an earlier attempt may have taken effect. */
  attempts: number;
}

type Outcome =
  | {
      kind: 'response';
      status: number;
      statusText: string;
      headers: Headers;
      body: JsonValue | undefined;
    }
  | { kind: 'timeout'; cause: unknown }
  | { kind: 'network'; cause: unknown };

/**
 * Send one NGSI-LD request: a 2xx answer is returned, anything else becomes a BrokerError once the
 * retry policy gives up. Each attempt has its own timeout, which also covers reading the body.
 */
export async function send(
  settings: ClientSettings,
  request: BrokerRequest,
): Promise<BrokerResponse> {
  const url = requestUrl(settings.baseUrl, request.path, request.query);
  const line: RequestLine = { method: request.method, path: new URL(url).pathname };
  const init: RequestInit = {
    method: request.method,
    headers: requestHeaders(settings, {
      body: request.body,
      accept: request.accept ?? 'application/json',
      isPlainJson: request.isPlainJson ?? false,
    }),
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    // A followed 301/302 would silently turn a POST into a GET; report it instead.
    redirect: 'manual',
  };
  const mayRetry = request.isIdempotent || settings.retryNonIdempotent;
  const maxAttempts = request.maxAttempts ?? (mayRetry ? settings.retry.attempts : 1);
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await attemptOnce(settings, url, init);
    if (outcome.kind === 'response' && isAnswer(outcome.status, request)) {
      const { status, headers, body } = outcome;
      return { request: line, status, headers, body, attempts: attempt };
    }
    const isRetryable = outcome.kind !== 'response' || isRetryableStatus(outcome.status);
    if (!isRetryable || attempt >= maxAttempts) {
      throw toBrokerError(outcome, line, attempt, settings);
    }
    const retryAfterMs =
      outcome.kind === 'response' ? parseRetryAfter(outcome.headers.get('Retry-After')) : undefined;
    const delayMs = retryDelay({ retry: attempt, policy: settings.retry, retryAfterMs });
    const reason = outcome.kind === 'response' ? String(outcome.status) : outcome.kind;
    notifyRetry(settings, { ...line, attempt, delayMs, reason });
    await sleep(delayMs);
  }
}

function isAnswer(status: number, request: BrokerRequest): boolean {
  return (status >= 200 && status < 300) || (request.isAnswer?.(status) ?? false);
}

async function attemptOnce(
  settings: ClientSettings,
  url: string,
  init: RequestInit,
): Promise<Outcome> {
  const signal = AbortSignal.timeout(settings.timeoutMs);
  try {
    const response = await settings.fetch(url, { ...init, signal });
    const text = await response.text();
    const { status, statusText, headers } = response;
    return { kind: 'response', status, statusText, headers, body: parseJson(text) };
  } catch (cause) {
    return signal.aborted ? { kind: 'timeout', cause } : { kind: 'network', cause };
  }
}

function parseJson(text: string): JsonValue | undefined {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

function toBrokerError(
  outcome: Outcome,
  line: RequestLine,
  attempts: number,
  settings: ClientSettings,
): BrokerError {
  const base = { ...line, attempts };
  if (outcome.kind === 'timeout') {
    const message = messages.timeout(line, settings.timeoutMs, attempts);
    return new BrokerError(message, {
      ...base,
      reason: 'timeout',
      status: 0,
      cause: outcome.cause,
    });
  }
  if (outcome.kind === 'network') {
    const message = messages.network(line, describeCause(outcome.cause), attempts);
    return new BrokerError(message, {
      ...base,
      reason: 'network',
      status: 0,
      cause: outcome.cause,
    });
  }
  const problem = parseProblem(outcome.body, outcome.status);
  const hasType = problem !== undefined && problem.type !== 'about:blank';
  const message = messages.httpFailure(line, {
    status: outcome.status,
    errorType: hasType ? errorTypeName(problem.type) : undefined,
    text: problem?.detail || problem?.title || outcome.statusText,
    attempts,
  });
  return new BrokerError(message, { ...base, reason: 'http', status: outcome.status, problem });
}

/** A short reason for a failed connection: undici's error code (ECONNREFUSED…) when it has one. */
function describeCause(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  if (inner instanceof Error) {
    const code = (inner as Error & { code?: unknown }).code;
    return typeof code === 'string' ? code : inner.message;
  }
  return 'unknown error';
}

function notifyRetry(settings: ClientSettings, event: RetryEvent): void {
  try {
    settings.onRetry?.(event);
  } catch {
    // An observer must not change the outcome of the request it observes.
  }
}

/**
 * The error for a 2xx answer whose body is not what the operation promises, e.g. a query that did
 * not return an array.
 */
export function invalidResponse(response: BrokerResponse, expected: string): BrokerError {
  const message = messages.unexpectedBody(response.request, response.status, expected);
  return new BrokerError(message, {
    ...response.request,
    reason: 'invalid-response',
    status: response.status,
    attempts: response.attempts,
  });
}
