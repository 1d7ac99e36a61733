import { describe, expect, it } from 'vitest';
import { formatNumber, kpiColour } from './kpi-colour.js';

const THRESHOLDS = [
  { from: 35, colour: 'orange' },
  { from: 0, colour: 'green' },
  { from: 55, colour: 'red' },
];

describe('kpiColour', () => {
  it('takes the highest threshold the value reaches, whatever the order', () => {
    expect(kpiColour(42, THRESHOLDS)).toBe('orange');
    expect(kpiColour(55, THRESHOLDS)).toBe('red');
    expect(kpiColour(0, THRESHOLDS)).toBe('green');
  });

  it('has no colour below every threshold or without a value', () => {
    expect(kpiColour(-1, THRESHOLDS)).toBeUndefined();
    expect(kpiColour(null, THRESHOLDS)).toBeUndefined();
    expect(kpiColour(3, [])).toBeUndefined();
  });
});

describe('formatNumber', () => {
  it('groups and rounds in the reader language', () => {
    expect(formatNumber(1234.567, 'en')).toBe('1,234.57');
    expect(formatNumber(1234.567, 'vi')).toBe('1.234,57');
  });
});
