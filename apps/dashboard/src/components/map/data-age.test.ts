import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate.js';
import {
  ageSeconds,
  dataAgeText,
  dataStatus,
  isStale,
  laterTime,
  staleAfterSeconds,
} from './data-age.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('staleAfterSeconds', () => {
  it('is 15 minutes for live layers', () => {
    expect(staleAfterSeconds({ refresh: 'live', refreshSeconds: 3600 })).toBe(900);
  });

  it('is three refresh periods when that is longer than 15 minutes', () => {
    expect(staleAfterSeconds({ refresh: 'interval', refreshSeconds: 600 })).toBe(1800);
    expect(staleAfterSeconds({ refresh: 'interval', refreshSeconds: 60 })).toBe(900);
  });
});

describe('isStale', () => {
  const rule = { refresh: 'interval', refreshSeconds: 60 } as const;

  it('calls data stale only past the limit', () => {
    expect(isStale(ago(899), rule, NOW)).toBe(false);
    expect(isStale(ago(901), rule, NOW)).toBe(true);
  });

  it('does not call data without a change time stale', () => {
    expect(isStale(undefined, rule, NOW)).toBe(false);
  });
});

describe('dataStatus', () => {
  const rule = { refresh: 'live', refreshSeconds: 0 } as const;
  const base = { hasLoaded: true, isUnreachable: false, hasError: false };

  it('reports an unreachable source before anything else', () => {
    expect(dataStatus({ ...base, isUnreachable: true, hasError: true }, rule, NOW)).toBe(
      'unreachable',
    );
  });

  it('reports loading until the first answer', () => {
    expect(dataStatus({ ...base, hasLoaded: false }, rule, NOW)).toBe('loading');
  });

  it('tells stale from fresh data', () => {
    expect(dataStatus({ ...base, newestChangeAt: ago(20 * 60) }, rule, NOW)).toBe('stale');
    expect(dataStatus({ ...base, newestChangeAt: ago(20) }, rule, NOW)).toBe('fresh');
  });
});

describe('dataAgeText', () => {
  const en = translator('en');
  const vi = translator('vi');

  it('uses seconds, minutes, hours and days', () => {
    expect(dataAgeText(en, 40)).toBe('Updated 40 s ago');
    expect(dataAgeText(en, 95)).toBe('Updated 1 min ago');
    expect(dataAgeText(en, 7200)).toBe('Updated 2 h ago');
    expect(dataAgeText(en, 3 * 86_400)).toBe('Updated 3 d ago');
    expect(dataAgeText(vi, 40)).toBe('Cập nhật 40 giây trước');
  });

  it('says when there is no data yet', () => {
    expect(dataAgeText(en, undefined)).toBe('No data yet');
  });
});

describe('ageSeconds and laterTime', () => {
  it('never returns a negative age', () => {
    expect(ageSeconds(ago(-30), NOW)).toBe(0);
    expect(ageSeconds('not a date', NOW)).toBeUndefined();
  });

  it('picks the later time', () => {
    expect(laterTime(ago(10), ago(5))).toBe(ago(5));
    expect(laterTime(undefined, ago(5))).toBe(ago(5));
  });
});
