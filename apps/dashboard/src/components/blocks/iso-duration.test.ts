import { describe, expect, it } from 'vitest';
import { isoDurationSeconds } from './iso-duration.js';

describe('isoDurationSeconds', () => {
  it('reads days, hours, minutes and seconds', () => {
    expect(isoDurationSeconds('PT15M')).toBe(900);
    expect(isoDurationSeconds('PT1H')).toBe(3600);
    expect(isoDurationSeconds('P1D')).toBe(86_400);
    expect(isoDurationSeconds('P1DT2H30S')).toBe(93_630);
  });

  it('gives nothing for what is not such a duration', () => {
    expect(isoDurationSeconds('none')).toBeUndefined();
    expect(isoDurationSeconds('P1M')).toBeUndefined();
    expect(isoDurationSeconds('PT')).toBeUndefined();
    expect(isoDurationSeconds(undefined)).toBeUndefined();
  });
});
