import { describe, expect, it } from 'vitest';
import { isRetryableStatus, parseRetryAfter, retryDelay } from './retry.js';

const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('retryDelay', () => {
  it('draws the first wait between zero and the base delay', () => {
    expect(retryDelay({ retry: 1, policy, retryAfterMs: undefined, random: () => 0 })).toBe(0);
    expect(retryDelay({ retry: 1, policy, retryAfterMs: undefined, random: () => 1 })).toBe(100);
  });

  it('doubles the ceiling with every retry', () => {
    expect(retryDelay({ retry: 3, policy, retryAfterMs: undefined, random: () => 1 })).toBe(400);
    expect(retryDelay({ retry: 3, policy, retryAfterMs: undefined, random: () => 0.5 })).toBe(200);
  });

  it('never waits longer than maxDelayMs', () => {
    expect(retryDelay({ retry: 10, policy, retryAfterMs: undefined, random: () => 1 })).toBe(1_000);
  });

  it('waits as long as Retry-After asks, capped by maxDelayMs', () => {
    expect(retryDelay({ retry: 1, policy, retryAfterMs: 300, random: () => 0 })).toBe(300);
    expect(retryDelay({ retry: 1, policy, retryAfterMs: 60_000, random: () => 0 })).toBe(1_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date as the time left until then', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or malformed header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('isRetryableStatus', () => {
  it('retries overload and gateway statuses but not a 500', () => {
    expect([429, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 404, 409, 500, 501].some(isRetryableStatus)).toBe(false);
  });
});
