import { describe, expect, it } from 'vitest';
import { formatPromDuration, promDurationMs } from './duration.js';

describe('promDurationMs', () => {
  it('reads PromQL durations, compounds included', () => {
    expect(promDurationMs('15s')).toBe(15_000);
    expect(promDurationMs('26h10m')).toBe(94_200_000);
    expect(promDurationMs('1d')).toBe(86_400_000);
    expect(promDurationMs('500ms')).toBe(500);
  });

  it('refuses anything else, naming the duration', () => {
    expect(() => promDurationMs('5 minutes')).toThrow("Duration '5 minutes' is invalid");
    expect(() => promDurationMs('')).toThrow(/invalid/);
  });
});

describe('formatPromDuration', () => {
  it('writes milliseconds in the largest unit that divides them', () => {
    expect(formatPromDuration(300_000)).toBe('5m');
    expect(formatPromDuration(90_000)).toBe('90s');
    expect(formatPromDuration(86_400_000)).toBe('1d');
    expect(formatPromDuration(1_500)).toBe('1500ms');
    expect(promDurationMs(formatPromDuration(93_600_000))).toBe(93_600_000);
  });

  it('refuses a duration PromQL cannot have in a range', () => {
    expect(() => formatPromDuration(0)).toThrow(
      'Duration 0 ms is invalid: it must be a positive whole number of milliseconds',
    );
  });
});
