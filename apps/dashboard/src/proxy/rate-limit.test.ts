import { describe, expect, it } from 'vitest';
import { problemFromError } from './proxy-errors.js';
import { createRateLimiter } from './rate-limit.js';

describe('createRateLimiter', () => {
  it('allows a burst, then refuses with the seconds until the next token', () => {
    const state = { now: 0 };
    const limiter = createRateLimiter({ ratePerSecond: 0.5, burst: 2, now: () => state.now });
    expect(limiter.take('10.0.0.1')).toEqual({ isAllowed: true });
    expect(limiter.take('10.0.0.1')).toEqual({ isAllowed: true });
    expect(limiter.take('10.0.0.1')).toEqual({ isAllowed: false, retryAfterSeconds: 2 });
    state.now = 2_000;
    expect(limiter.take('10.0.0.1')).toEqual({ isAllowed: true });
  });

  it('keeps one bucket per client', () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1, now: () => 0 });
    expect(limiter.take('a').isAllowed).toBe(true);
    expect(limiter.take('a').isAllowed).toBe(false);
    expect(limiter.take('b').isAllowed).toBe(true);
  });

  it('forgets the longest-idle client beyond maxClients', () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1, maxClients: 1, now: () => 0 });
    limiter.take('a');
    limiter.take('b');
    expect(limiter.take('a').isAllowed).toBe(true);
  });

  it('turns a refusal into a 429 problem with Retry-After', () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1, now: () => 0 });
    limiter.check('a');
    const failure = (() => {
      try {
        limiter.check('a');
      } catch (error) {
        return error;
      }
    })();
    expect(problemFromError(failure)).toMatchObject({ status: 429, retryAfter: 1 });
  });
});
