import { describe, expect, it } from 'vitest';
import {
  PermanentError,
  RetryableError,
  errorKind,
  isRetryable,
  toUpdaterError,
} from './errors.js';

describe('errors', () => {
  it('marks RetryableError retryable and PermanentError not', () => {
    expect(isRetryable(new RetryableError('http-5xx'))).toBe(true);
    expect(isRetryable(new PermanentError('http-4xx'))).toBe(false);
  });

  it('treats foreign errors as permanent programming errors', () => {
    expect(isRetryable(new TypeError('boom'))).toBe(false);
    expect(isRetryable('text')).toBe(false);
    expect(errorKind(new TypeError('boom'))).toBe('unknown');
  });

  it('keeps the kind, the message and Retry-After', () => {
    const error = new RetryableError('rate-limited', 'slow down', { retryAfterMs: 2_000 });
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toBe('slow down');
    expect(error.retryAfterMs).toBe(2_000);
    expect(error.name).toBe('RetryableError');
    expect(error).toBeInstanceOf(Error);
  });

  it('uses the kind as message when none is given', () => {
    expect(new RetryableError('outbox-full').message).toBe('outbox-full');
  });

  it('wraps foreign errors with a fallback kind and keeps ours as they are', () => {
    const wrapped = toUpdaterError(new TypeError('bad'), 'transform');
    expect(wrapped).toBeInstanceOf(PermanentError);
    expect(wrapped.kind).toBe('transform');
    expect(wrapped.message).toBe('bad');
    const ours = new RetryableError('timeout');
    expect(toUpdaterError(ours)).toBe(ours);
  });
});
