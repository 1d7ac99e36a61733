import { ProxyError } from './proxy-errors.js';

/** Default sustained rate per client, requests per second. */
export const DEFAULT_CLIENT_RATE = 10;
/** Default burst per client: a map opening several layers at once. */
export const DEFAULT_CLIENT_BURST = 30;
/** Default number of clients remembered; the longest-idle ones are forgotten first. */
export const DEFAULT_MAX_CLIENTS = 10_000;

export interface RateLimiterOptions {
  ratePerSecond?: number;
  burst?: number;
  maxClients?: number;
  now?: () => number;
}

/** The outcome of one request: allowed, or refused with the seconds to wait. */
export type RateDecision = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

/** A token bucket per client. */
export interface RateLimiter {
  /** Take one token for `client` (its IP address as the caller determined it). */
  take(client: string): RateDecision;
  /** Like take(), but throws a 429 ProxyError carrying Retry-After when refused. */
  check(client: string): void;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Per-client token buckets: `burst` requests at once, refilled at `ratePerSecond`. Memory is
 * bounded by `maxClients` (least recently seen clients are dropped, which only makes them start
 * with a full bucket again).
 * @example const limiter = createRateLimiter({ ratePerSecond: 10 }); limiter.check(clientIp);
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const rate = options.ratePerSecond ?? DEFAULT_CLIENT_RATE;
  const burst = options.burst ?? DEFAULT_CLIENT_BURST;
  const maxClients = options.maxClients ?? DEFAULT_MAX_CLIENTS;
  const now = options.now ?? Date.now;
  if (!(rate > 0) || !(burst >= 1)) {
    throw new RangeError('ratePerSecond must be positive and burst at least 1');
  }
  const buckets = new Map<string, Bucket>();

  function take(client: string): RateDecision {
    const at = now();
    const bucket = buckets.get(client) ?? { tokens: burst, updatedAt: at };
    bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.updatedAt) / 1000) * rate);
    bucket.updatedAt = at;
    buckets.delete(client);
    buckets.set(client, bucket);
    for (const key of buckets.keys()) {
      if (buckets.size <= maxClients) break;
      buckets.delete(key);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { isAllowed: true };
    }
    return {
      isAllowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate)),
    };
  }

  return {
    take,
    check(client) {
      const decision = take(client);
      if (!decision.isAllowed) {
        throw new ProxyError(
          'TooManyRequests',
          `Too many requests from this client; retry after ${decision.retryAfterSeconds} s`,
          { retryAfter: decision.retryAfterSeconds },
        );
      }
    },
  };
}
