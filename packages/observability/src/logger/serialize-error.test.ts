import { describe, expect, it } from 'vitest';
import { serializeError } from './serialize-error.js';

describe('serializeError', () => {
  it('keeps name, message, stack, code and the cause chain', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), {
      code: 'ECONNREFUSED',
    });
    const error = new TypeError('Health check failed', { cause: root });
    const serialized = serializeError(error);
    expect(serialized).toMatchObject({
      name: 'TypeError',
      message: 'Health check failed',
      cause: { name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.5:5432' },
    });
    expect(serialized.stack).toContain('Health check failed');
  });

  it('lists the errors of an AggregateError', () => {
    const error = new AggregateError([new Error('IPv4 refused'), new Error('IPv6 refused')], '');
    expect(serializeError(error).errors?.map((inner) => inner.message)).toEqual([
      'IPv4 refused',
      'IPv6 refused',
    ]);
  });

  it('masks URL passwords in message and stack', () => {
    const serialized = serializeError(new Error('Cannot open postgres://app:hunter2@db/city'));
    expect(JSON.stringify(serialized)).not.toContain('hunter2');
    expect(serialized.message).toBe('Cannot open postgres://app:***@db/city');
  });

  it('stops on a cause cycle instead of recursing forever', () => {
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    first.cause = second;
    expect(JSON.stringify(serializeError(first)).length).toBeLessThan(20_000);
  });

  it('gives the same result when an error is serialised twice', () => {
    const once = serializeError(new Error('outer', { cause: new Error('inner') }));
    expect(serializeError(once)).toEqual(once);
  });

  it('reads error-like objects by their known fields only', () => {
    expect(serializeError({ message: 'rejected', code: 42, password: 'hunter2' })).toEqual({
      name: 'Error',
      message: 'rejected',
      code: 42,
    });
  });

  it('describes thrown non-errors without printing their contents', () => {
    expect(serializeError('plain text')).toEqual({ name: 'NonError', message: 'plain text' });
    expect(serializeError({ password: 'hunter2' })).toEqual({
      name: 'NonError',
      message: 'non-error object thrown',
    });
  });
});
