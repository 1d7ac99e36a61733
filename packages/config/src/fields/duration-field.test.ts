import { describe, expect, it } from 'vitest';
import { duration, formatDuration, parseDuration } from './duration-field.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['1.5s', 1_500],
    [' 2 H ', 7_200_000],
  ])('reads %j as %i milliseconds', (raw, ms) => {
    expect(parseDuration(raw)).toBe(ms);
  });

  it.each(['30', '5 minutes', '-1s', 's', '1w'])('refuses %j', (raw) => {
    expect(parseDuration(raw)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [500, '500ms'],
    [30_000, '30s'],
    [90_000, '90s'],
    [3_600_000, '1h'],
    [0, '0ms'],
  ])('writes %i as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('duration', () => {
  it('explains the accepted forms when it refuses a bare number', () => {
    expect(duration({ env: 'TIMEOUT' }).parse('30')).toEqual({
      ok: false,
      message: 'must be a duration such as 500ms, 30s, 5m, 1h or 1d',
    });
  });
});
