import { describe, expect, it } from 'vitest';
import { convertUnit, knownUnits } from './units.js';

describe('convertUnit', () => {
  it('keeps values already in the contract unit', () => {
    expect(convertUnit('temperature', 18.4, '°C')).toBe(18.4);
    expect(convertUnit('atmosphericPressure', 988.3, 'hPa')).toBe(988.3);
  });

  it('converts wind speed from km/h, mp/h and knots to m/s', () => {
    expect(convertUnit('windSpeed', 36, 'km/h')).toBe(10);
    expect(convertUnit('windSpeed', 12.6, 'km/h')).toBe(3.5);
    expect(convertUnit('windSpeed', 10, 'mp/h')).toBe(4.47);
    expect(convertUnit('windSpeed', 10, 'kn')).toBe(5.14);
  });

  it('converts °F and K to °C', () => {
    expect(convertUnit('temperature', 59, '°F')).toBe(15);
    expect(convertUnit('temperature', 32, '°F')).toBe(0);
    expect(convertUnit('temperature', 273.15, 'K')).toBe(0);
  });

  it('writes relative humidity as a fraction', () => {
    expect(convertUnit('relativeHumidity', 62, '%')).toBe(0.62);
  });

  it('converts inches of precipitation and Pa of pressure', () => {
    expect(convertUnit('precipitation', 0.01, 'inch')).toBe(0.25);
    expect(convertUnit('atmosphericPressure', 101325, 'Pa')).toBe(1013.3);
  });

  it('returns undefined for a unit it does not know', () => {
    expect(convertUnit('windSpeed', 3, 'Beaufort')).toBeUndefined();
    expect(knownUnits('windSpeed')).toContain('km/h');
  });
});
