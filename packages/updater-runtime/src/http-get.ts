import type { Logger } from '@legocity/observability';
import {
  backoffDelay,
  parseRetryAfter,
  sleep as realSleep,
  type RetryPolicy,
  type Sleep,
} from './backoff.js';
import { PermanentError, RetryableError, type UpdaterError } from './errors.js';
import { redactUrls, safeUrl } from './safe-url.js';
import type { FetchContext, HttpGetOptions, HttpResponse } from './source.js';

export const DEFAULT_FETCH_TIMEOUT_MS = 10_000;
export const DEFAULT_HTTP_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

export interface HttpGetSettings {
  /** Per attempt, unless the call gives its own; default 10 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Aborts every attempt and every wait (the source is stopping). */
  signal?: AbortSignal;
  log?: Logger;
  fetch?: typeof fetch;
  sleep?: Sleep;
  random?: () => number;
  /** Wall clock in ms, for Retry-After dates. */
  now?: () => number;
}

/**
 * FetchContext.get: one GET with a timeout per attempt (AbortSignal.timeout), retries of 5xx,
 * 408, network errors and timeouts with capped exponential backoff and full jitter, 429 waiting
 * as long as Retry-After asks (capped by maxDelayMs). It gives up with a RetryableError (kind
 * http-5xx, timeout, network, rate-limited — with retryAfterMs) or at once with a PermanentError
 * (http-4xx, parse). Messages and logs name the URL without credentials or query values.
 *
 * @example
 * const get = createHttpGet({ timeoutMs: 5_000, retry: { attempts: 3 } });
 * const { body, ttlSeconds } = await get<Forecast>('https://api.example/forecast?lat=21&lon=105');
 */
export function createHttpGet(settings: HttpGetSettings = {}): FetchContext['get'] {
  const policy: RetryPolicy = { ...DEFAULT_HTTP_RETRY, ...settings.retry };
  const fetchImpl = settings.fetch ?? globalThis.fetch;
  const sleep = settings.sleep ?? realSleep;
  const random = settings.random ?? Math.random;
  const now = settings.now ?? Date.now;

  return async function get<T>(url: string, options: HttpGetOptions = {}) {
    const shown = safeUrl(url);
    const timeoutMs = options.timeoutMs ?? settings.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await attemptGet<T>({ url, shown, options, timeoutMs, attempt });
      if (outcome instanceof PermanentError) throw outcome;
      if (!(outcome instanceof RetryableError)) return outcome as HttpResponse<T>;
      if (attempt >= policy.attempts || settings.signal?.aborted) throw outcome;
      const delayMs =
        outcome.retryAfterMs !== undefined
          ? Math.min(outcome.retryAfterMs, policy.maxDelayMs)
          : backoffDelay(attempt, policy, random);
      settings.log?.warn(
        { url: shown, attempt, delayMs, kind: outcome.kind },
        `GET ${shown} failed (${outcome.kind}); retrying in ${delayMs} ms`,
      );
      await sleep(delayMs, settings.signal);
    }
  };

  async function attemptGet<T>(input: {
    url: string;
    shown: string;
    options: HttpGetOptions;
    timeoutMs: number;
    attempt: number;
  }): Promise<HttpResponse<T> | UpdaterError> {
    const { url, shown, options, timeoutMs, attempt } = input;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = settings.signal ? AbortSignal.any([settings.signal, timeout]) : timeout;
    const after = attempt > 1 ? ` (attempt ${attempt})` : '';
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: options.headers, signal });
    } catch (error) {
      if (timeout.aborted) {
        return new RetryableError(
          'timeout',
          `GET ${shown} timed out after ${timeoutMs} ms${after}`,
        );
      }
      const reason = error instanceof Error ? redactUrls(causeText(error)) : 'unknown';
      return new RetryableError('network', `GET ${shown} failed: ${reason}${after}`);
    }
    const { status } = response;
    if (status < 200 || status >= 300) {
      // Free the connection: an unread body keeps the socket busy.
      await response.body?.cancel().catch(() => undefined);
      const failed = `GET ${shown} failed: ${status}${after}`;
      if (status === 429) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
        return new RetryableError('rate-limited', failed, { retryAfterMs });
      }
      if (status >= 500) return new RetryableError('http-5xx', failed);
      if (status === 408) return new RetryableError('timeout', failed);
      return new PermanentError('http-4xx', failed);
    }
    let body: T;
    try {
      const text = await response.text();
      body = (options.as === 'text' ? text : JSON.parse(text)) as T;
    } catch (error) {
      if (timeout.aborted) {
        return new RetryableError('timeout', `GET ${shown} timed out reading the body${after}`);
      }
      const what = error instanceof SyntaxError ? 'body is not JSON' : 'body could not be read';
      return new PermanentError('parse', `GET ${shown}: ${what}`);
    }
    const ttlSeconds = maxAge(response.headers.get('cache-control'));
    return {
      status,
      headers: response.headers,
      body,
      ...(ttlSeconds !== undefined && { ttlSeconds }),
    };
  }
}

/**
 * Seconds from `Cache-Control: max-age=N`; undefined when absent or when no-store/no-cache say
 * the data must not be reused.
 * @example maxAge('public, max-age=60') // 60
 */
export function maxAge(header: string | null): number | undefined {
  if (header === null) return undefined;
  const directives = header
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  if (directives.includes('no-store') || directives.includes('no-cache')) return undefined;
  for (const directive of directives) {
    const match = /^max-age\s*=\s*"?(\d+)"?$/.exec(directive);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return undefined;
}

/** undici says "fetch failed" and puts the useful part (ECONNREFUSED…) in the cause. */
function causeText(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === 'string' ? code : cause.message;
  }
  return error.message;
}
