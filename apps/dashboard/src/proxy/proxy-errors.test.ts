import { BrokerError } from '@legocity/broker-client';
import { describe, expect, it } from 'vitest';
import { invalidRequest, problemFromError, ProxyError } from './proxy-errors.js';

const brokerError = (reason: BrokerError['reason'], status: number) =>
  new BrokerError('GET /ngsi-ld/v1/entities failed at http://10.1.2.3:1026 with lgc_key', {
    reason,
    status,
    method: 'GET',
    path: '/ngsi-ld/v1/entities',
    attempts: 2,
  });

describe('problemFromError', () => {
  it.each([
    ['network', 0, 502, 'broker unreachable'],
    ['timeout', 0, 504, 'broker timeout'],
    ['http', 503, 502, 'broker error'],
    ['http', 500, 502, 'broker error'],
    ['http', 403, 502, 'broker refused the query'],
    ['invalid-response', 200, 502, 'broker error'],
  ] as const)('maps a %s broker failure (%i) to %i "%s"', (reason, status, expected, title) => {
    const problem = problemFromError(brokerError(reason, status));
    expect(problem).toMatchObject({ status: expected, title });
    expect(JSON.stringify(problem)).not.toMatch(/10\.1\.2\.3|lgc_|ngsi-ld\/v1/);
  });

  it('lists every validation problem in a 400', () => {
    const problem = problemFromError(
      invalidRequest([
        { field: 'bbox', message: 'must be 4 numbers' },
        { field: 'page', message: 'must be a whole number' },
      ]),
    );
    expect(problem).toMatchObject({
      type: 'https://legocity.dev/errors/InvalidRequest',
      status: 400,
      detail: 'bbox: must be 4 numbers; page: must be a whole number',
    });
    expect(problem.problems).toHaveLength(2);
  });

  it('answers 404 for an unknown layer', () => {
    expect(problemFromError(new ProxyError('UnknownLayer', "Layer 'x' does not exist"))).toEqual({
      type: 'https://legocity.dev/errors/UnknownLayer',
      title: 'unknown layer',
      status: 404,
      detail: "Layer 'x' does not exist",
    });
  });

  it('hides the message of an unexpected error behind a 500', () => {
    const problem = problemFromError(new TypeError('cannot read http://secret-host/ key=abc'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret-host');
  });
});
