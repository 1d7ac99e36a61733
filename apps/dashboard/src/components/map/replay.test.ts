import { describe, expect, it } from 'vitest';
import type { ReplayAnswer } from './map-types.js';
import { replayDomain, replayValuesAt, stepLabel } from './replay.js';

const ANSWER: ReplayAnswer = {
  attribute: 'occupancy',
  period: 'PT1H',
  steps: ['2026-11-23T06:00:00Z', '2026-11-23T07:00:00Z'],
  values: { a: [0.2, 0.9], b: [null, 0.5] },
};

describe('replay', () => {
  it('gives each entity its value at the step, null when missing', () => {
    expect([...replayValuesAt(ANSWER, 0)]).toEqual([
      ['a', 0.2],
      ['b', null],
    ]);
    expect(replayValuesAt(ANSWER, 5).get('a')).toBeNull();
  });

  it('takes the domain over every hour', () => {
    expect(replayDomain(ANSWER)).toEqual([0.2, 0.9]);
  });

  it('labels a step with the local hour', () => {
    expect(stepLabel('2026-11-23T07:00:00Z', 'en', 'Asia/Ho_Chi_Minh')).toBe('14:00');
    expect(stepLabel(undefined, 'en')).toBe('');
  });
});
