import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, sleep } from './backoff.js';

const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoffDelay', () => {
  it('draws the first wait between zero and the base delay', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(0);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
  });

  it('doubles the ceiling with each retry, up to the cap', () => {
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(20, policy, () => 1)).toBe(1_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5_000);
  });

  it('treats a past date as no wait and ignores nonsense', () => {
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('sleep', () => {
  it('ends early when the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});
