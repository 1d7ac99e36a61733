import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst, then refuses with a Retry-After until tokens refill', () => {
    let now = 0;
    const limiter = new RateLimiter({ ratePerSecond: 2, burst: 2, now: () => now });
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('k')).toEqual({ ok: false, retryAfterSeconds: 1 });
    now = 500;
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('other').ok).toBe(true);
  });

  it("never limits at rate 0, and uses a key's own rate when given", () => {
    const limiter = new RateLimiter({ ratePerSecond: 0, now: () => 0 });
    for (let i = 0; i < 100; i += 1) expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('slow', 1).ok).toBe(true);
    expect(limiter.take('slow', 1).ok).toBe(false);
  });
});
