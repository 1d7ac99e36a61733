/** The outcome of taking one request from a key's bucket. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  /** Requests per second per key; 0 = unlimited. */
  ratePerSecond: number;
  /** Requests a key may send at once after being idle; default one second's worth. */
  burst?: number | undefined;
  /** Milliseconds (monotonic); tests pass a fake clock. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_BUCKETS = 100_000;

/**
 * Token buckets per key, in this process (each replica limits on its own).
 * @example const limiter = new RateLimiter({ ratePerSecond: 2000 }); limiter.take(keyId)
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Take one request for `key`, at `rate` requests/s when the key has its own limit. */
  take(key: string, rate: number = this.options.ratePerSecond): RateDecision {
    if (rate <= 0) return { ok: true };
    const capacity = Math.max(1, this.options.burst ?? rate);
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
      bucket = { tokens: capacity, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate)) };
  }
}
