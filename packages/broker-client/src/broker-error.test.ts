import { describe, expect, it } from 'vitest';
import { BrokerError, errorTypeName, parseProblem } from './broker-error.js';

describe('parseProblem', () => {
  it('fills the members a broker left out', () => {
    const parsed = parseProblem(
      { type: 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData', title: 'Bad' },
      400,
    );
    expect(parsed).toMatchObject({ status: 400, detail: '', title: 'Bad' });
  });

  it('keeps extension members such as problems', () => {
    const parsed = parseProblem({ type: 't', title: 'x', problems: [{ field: 'id' }] }, 400);
    expect(parsed?.problems).toEqual([{ field: 'id' }]);
  });

  it('does not take an arbitrary body for a ProblemDetails', () => {
    expect(parseProblem(['x'], 400)).toBeUndefined();
    expect(parseProblem({ message: 'nope' }, 400)).toBeUndefined();
    expect(parseProblem(undefined, 502)).toBeUndefined();
  });
});

describe('BrokerError', () => {
  it('matches an error type by short name or full URI', () => {
    const error = new BrokerError('x', {
      reason: 'http',
      status: 404,
      method: 'GET',
      path: '/ngsi-ld/v1/entities/x',
      attempts: 1,
      problem: parseProblem(
        { type: 'https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound', title: 'Not found' },
        404,
      ),
    });
    expect(error.errorType).toBe('ResourceNotFound');
    expect(error.is('ResourceNotFound')).toBe(true);
    expect(error.is('https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound')).toBe(true);
    expect(error.is('AlreadyExists')).toBe(false);
  });

  it('names the error type after the last segment of its URI', () => {
    expect(errorTypeName('https://uri.etsi.org/ngsi-ld/errors/AlreadyExists')).toBe(
      'AlreadyExists',
    );
    expect(errorTypeName('urn:x#Oops')).toBe('Oops');
  });
});
