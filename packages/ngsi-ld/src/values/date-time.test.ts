import { describe, expect, it } from 'vitest';
import { isDate, isDateTime, isTime, normalizeDateTime } from './date-time.js';

describe('isDateTime', () => {
  it.each([
    '2017-12-24T12:00:00Z',
    '2017-12-24T12:00:00.5Z',
    '2017-12-24T12:00:00.123456Z',
    '2017-12-24T12:00:00,123Z',
    '2017-12-24T12:00:00+02:00',
    '2017-12-24T12:00:00-05:30',
    '2017-12-24t12:00:00z',
    '2024-02-29T00:00:00Z',
    '2000-02-29T23:59:59Z',
  ])('accepts %j', (value) => {
    expect(isDateTime(value)).toBe(true);
  });

  it.each([
    ['no time zone', '2017-12-24T12:00:00'],
    ['a space for T', '2017-12-24 12:00:00Z'],
    ['no seconds', '2017-12-24T12:00Z'],
    ['a date only', '2017-12-24'],
    ['a day that does not exist', '2023-02-29T12:00:00Z'],
    ['the 30th of February', '2024-02-30T12:00:00Z'],
    ['February 29th of a century year', '1900-02-29T12:00:00Z'],
    ['month 13', '2017-13-01T12:00:00Z'],
    ['day 0', '2017-12-00T12:00:00Z'],
    ['hour 24', '2017-12-24T24:00:00Z'],
    ['minute 60', '2017-12-24T12:60:00Z'],
    ['a leap second', '2016-12-31T23:59:60Z'],
    ['an offset of 24 hours', '2017-12-24T12:00:00+24:00'],
    ['an offset without colon', '2017-12-24T12:00:00+0200'],
    ['an empty fraction', '2017-12-24T12:00:00.Z'],
    ['trailing text', '2017-12-24T12:00:00Zx'],
  ])('rejects %s', (_label, value) => {
    expect(isDateTime(value)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isDateTime(20171224)).toBe(false);
  });
});

describe('normalizeDateTime', () => {
  it.each([
    ['2017-12-24T12:00:00Z', '2017-12-24T12:00:00.000Z'],
    ['2017-12-24T12:00:00.5Z', '2017-12-24T12:00:00.500Z'],
    ['2017-12-24T12:00:00,25Z', '2017-12-24T12:00:00.250Z'],
    ['2017-12-24T12:00:00.123999Z', '2017-12-24T12:00:00.123Z'],
    ['2017-12-24T12:00:00.999999Z', '2017-12-24T12:00:00.999Z'],
    ['2024-01-01T01:30:00+01:00', '2024-01-01T00:30:00.000Z'],
    ['2023-12-31T23:30:00-01:00', '2024-01-01T00:30:00.000Z'],
    ['0099-06-01T00:00:00Z', '0099-06-01T00:00:00.000Z'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeDateTime(input)).toBe(expected);
  });

  it('returns undefined for text that is not a DateTime', () => {
    expect(normalizeDateTime('2023-02-30T00:00:00Z')).toBeUndefined();
  });
});

describe('isDate', () => {
  it.each(['2024-02-29', '0001-01-01', '9999-12-31'])('accepts %j', (value) => {
    expect(isDate(value)).toBe(true);
  });

  it.each([
    '2023-02-29',
    '2023-02-30',
    '2023-04-31',
    '2023-1-01',
    '2023-01-01T00:00:00Z',
    '20230101',
    5,
  ])('rejects %j', (value) => {
    expect(isDate(value)).toBe(false);
  });
});

describe('isTime', () => {
  it.each(['00:00:00', '23:59:59', '12:00:00Z', '12:00:00.123', '12:00:00.123456Z', '12:00:00,5'])(
    'accepts %j',
    (value) => {
      expect(isTime(value)).toBe(true);
    },
  );

  it.each(['24:00:00', '12:60:00', '12:00:60', '12:00', '12:00:00+01:00', '1:00:00', 'noon'])(
    'rejects %j',
    (value) => {
      expect(isTime(value)).toBe(false);
    },
  );
});
