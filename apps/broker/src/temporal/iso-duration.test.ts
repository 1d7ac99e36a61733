import { describe, expect, it } from 'vitest';
import { formatIsoDuration, parseIsoDuration } from './iso-duration.js';

describe('parseIsoDuration', () => {
  it.each([
    ['PT1H', 3600],
    ['PT4M', 240],
    ['P1D', 86_400],
    ['P1DT12H', 129_600],
    ['P2W', 1_209_600],
    ['PT0.5S', 0.5],
    ['PT1,5S', 1.5],
    ['PT0S', 0],
    ['P0D', 0],
    ['P0Y0M1D', 86_400],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseIsoDuration(text)).toEqual({ ok: true, seconds });
  });

  it.each(['', 'P', 'PT', '1H', 'PT1H2D', 'P1W1D', 'p1d', 'PT-1S', 'P1.5D', 'P1DT'])(
    'refuses %j as not a duration',
    (text) => {
      expect(parseIsoDuration(text)).toEqual({ ok: false, reason: 'syntax' });
    },
  );

  it.each(['P1M', 'P1Y', 'P1Y2M3D'])(
    'refuses %s: years and months have no fixed length',
    (text) => {
      expect(parseIsoDuration(text)).toEqual({ ok: false, reason: 'calendar' });
    },
  );
});

describe('formatIsoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [3600, 'PT1H'],
    [90_000, 'P1DT1H'],
    [2_592_000, 'P30D'],
    [61.5, 'PT1M1.5S'],
  ])('writes %d seconds as %s', (seconds, text) => {
    expect(formatIsoDuration(seconds)).toBe(text);
  });

  it('round-trips through parseIsoDuration', () => {
    for (const seconds of [1, 59, 3601, 86_399, 7_776_000]) {
      expect(parseIsoDuration(formatIsoDuration(seconds))).toEqual({ ok: true, seconds });
    }
  });
});
