import { describe, expect, it } from 'vitest';
import { NgsiLdError } from '@legocity/ngsi-ld';
import { parseTemporalQuery, temporalQParams, TEMPORAL_Q_PREFIX } from './parse-temporal-query.js';

function problemsOf(run: () => unknown): { field: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof NgsiLdError) return [...error.problems];
  }
  throw new Error('expected an NgsiLdError');
}

describe('parseTemporalQuery', () => {
  it('defaults to the whole history on observedAt, normalized', () => {
    expect(parseTemporalQuery({})).toEqual({
      timeproperty: 'observedAt',
      representation: 'normalized',
      sysAttrs: false,
    });
  });

  it('normalizes timeAt and endTimeAt to UTC', () => {
    expect(
      parseTemporalQuery({
        timerel: 'between',
        timeAt: '2024-05-01T12:00:00+02:00',
        endTimeAt: '2024-05-01T11:00:00Z',
      }).timerel,
    ).toEqual({
      relation: 'between',
      timeAt: '2024-05-01T10:00:00.000Z',
      endTimeAt: '2024-05-01T11:00:00.000Z',
    });
  });

  it('reads an aggregation with its methods and period in seconds', () => {
    const query = parseTemporalQuery({
      options: 'aggregatedValues',
      aggrMethods: 'avg,max,avg',
      aggrPeriodDuration: 'PT15M',
    });
    expect(query.representation).toBe('aggregatedValues');
    expect(query.aggregation).toEqual({ methods: ['avg', 'max'], periodSeconds: 900 });
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(() =>
      parseTemporalQuery({ timerel: 'between', lastN: 'x', aggrMethods: 'avg' }),
    );
    expect(problems.map((p) => p.field)).toEqual(['timeAt', 'endTimeAt', 'lastN', 'aggrMethods']);
  });

  it('names temporalQ members with their prefix', () => {
    const params = temporalQParams({ timerel: 'before', lastN: 3 });
    expect(params).toEqual({ timerel: 'before', lastN: '3' });
    const problems = problemsOf(() => parseTemporalQuery(params, { prefix: TEMPORAL_Q_PREFIX }));
    expect(problems.map((p) => p.field)).toEqual(['temporalQ.timeAt']);
  });

  it('refuses members a TemporalQuery does not have', () => {
    expect(problemsOf(() => temporalQParams({ timerel: 'before', limit: 3 }))).toEqual([
      expect.objectContaining({ field: 'temporalQ.limit' }),
    ]);
  });
});
