import type { RetryPolicy } from './client-options.js';

/**
 * Statuses worth another attempt: the broker or a proxy in front of it is overloaded or briefly
 * unreachable. 500 is left out on purpose: an internal error is a bug, and repeating the request
 * only repeats the bug (and the load). 504 also covers LdContextNotAvailable (§6.3.2), which a
 * later attempt may well overcome.
 */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * How long to wait before retry number `retry` (1 for the first retry): the server's Retry-After
 * when it sent one, otherwise full jitter — a uniform draw in [0, min(max, base · 2^(retry-1))] —
 * so that many clients failing together do not come back together. Both are capped by maxDelayMs.
 *
 * @example retryDelay({ retry: 2, policy, retryAfterMs: undefined, random: () => 1 }) // 2 * base
 */
export function retryDelay(input: {
  retry: number;
  policy: RetryPolicy;
  retryAfterMs: number | undefined;
  random?: () => number;
}): number {
  const { retry, policy, retryAfterMs } = input;
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const random = input.random ?? Math.random;
  return Math.round(random() * ceiling);
}

/**
 * Read a Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Anything else is
 * ignored (undefined), and a date in the past means "now".
 *
 * @example parseRetryAfter('2') // 2000
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // All three HTTP-date formats begin with a day name; Date.parse alone would accept "-5".
  if (!/^[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
