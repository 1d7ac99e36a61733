import { describe, expect, it } from 'vitest';
import {
  BrokerAdminError,
  invalidRequest,
  problemFromError,
  redactKeys,
} from './broker-admin-errors.js';

describe('redactKeys', () => {
  it('masks every LegoCity key but keeps its public id', () => {
    const key = `lgc_0123456789abcdef_${'Ab3_-'.repeat(8)}xyz`;
    expect(redactKeys(`key ${key} is revoked`)).toBe(
      'key lgc_0123456789abcdef_[redacted] is revoked',
    );
  });

  it('masks given secrets whatever their form', () => {
    expect(redactKeys('token plain-secret-value refused', ['plain-secret-value', undefined])).toBe(
      'token [redacted] refused',
    );
  });
});

describe('problemFromError', () => {
  it('turns a known error into ProblemDetails with every problem', () => {
    const problem = problemFromError(
      invalidRequest([
        { field: 'name', message: 'is required' },
        { field: 'entityTypes', message: 'is required' },
      ]),
    );
    expect(problem).toMatchObject({
      title: 'invalid request',
      status: 400,
      detail: 'name: is required; entityTypes: is required',
      problems: [{ field: 'name' }, { field: 'entityTypes' }],
    });
  });

  it('answers a bare 500 for anything unexpected, without its message', () => {
    const problem = problemFromError(new Error('connect ECONNREFUSED 10.0.0.7:1026 lgc_secret'));
    expect(problem).toMatchObject({ status: 500, title: 'internal error' });
    expect(JSON.stringify(problem)).not.toContain('10.0.0.7');
    expect(problemFromError(new BrokerAdminError('Forbidden', 'no')).status).toBe(403);
  });
});
