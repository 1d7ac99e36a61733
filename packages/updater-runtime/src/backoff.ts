/**
 * Waiting between attempts: capped exponential backoff with full jitter, Retry-After reading, and
 * a sleep that an AbortSignal ends early. Shared by the HTTP helper and the broker writer.
 */

/** How often and how long to retry. */
export interface RetryPolicy {
  /** Attempts in all, the first included (1: no retry). */
  attempts: number;
  baseDelayMs: number;
  /** Upper bound of any one wait, a server's Retry-After included. */
  maxDelayMs: number;
}

/**
 * The wait before retry number `retry` (1 for the first): a uniform draw in
 * [0, min(max, base · 2^(retry − 1))], so clients failing together do not return together.
 * @example backoffDelay(3, { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 }, () => 1) // 400
 */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(random() * ceiling);
}

/**
 * A Retry-After header (RFC 9110 §10.2.3) in ms: delay-seconds or an HTTP-date; anything else is
 * undefined, and a date in the past is 0.
 * @example parseRetryAfter('2') // 2000
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP-dates start with a day name; Date.parse alone would accept "-5" or "2025".
  if (!/^[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Wait `ms`, or less if the signal aborts (then resolve, never reject: callers check the signal). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * The real sleep.
 * @example await sleep(100, controller.signal);
 */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
