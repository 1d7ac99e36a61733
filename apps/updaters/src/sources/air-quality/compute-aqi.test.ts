import { describe, expect, it } from 'vitest';
import { aqiLevel, computeAqi, subIndex } from './compute-aqi.js';

/** µg/m³ of a gas given in ppb (25 °C, 1 atm), so tests can name the EPA breakpoints. */
const fromPpb = (ppb: number, molarMass: number): number => (ppb * molarMass) / 24.45;
const fromPpm = (ppm: number, molarMass: number): number => fromPpb(ppm * 1000, molarMass);

describe('subIndex at the EPA breakpoints', () => {
  it.each([
    [0, 0],
    [9.0, 50],
    [9.04, 50], // truncated to 9.0 before the lookup
    [9.1, 51],
    [35.4, 100],
    [35.5, 101],
    [55.4, 150],
    [55.5, 151],
    [125.4, 200],
    [125.5, 201],
    [225.4, 300],
    [225.5, 301],
    [325.4, 500],
    [600, 500],
  ])('PM2.5 %s µg/m³ gives %s', (concentration, index) => {
    expect(subIndex('pm25', concentration)).toBe(index);
  });

  it.each([
    [54, 50],
    [54.9, 50],
    [55, 51],
    [154, 100],
    [155, 101],
    [424, 300],
    [425, 301],
    [604, 500],
  ])('PM10 %s µg/m³ gives %s', (concentration, index) => {
    expect(subIndex('pm10', concentration)).toBe(index);
  });

  it.each([
    [53, 50],
    [54, 51],
    [100, 100],
    [101, 101],
    [360, 150],
    [361, 151],
    [2049, 500],
  ])('NO2 %s ppb gives %s', (concentration, index) => {
    expect(subIndex('no2', fromPpb(concentration, 46.01))).toBe(index);
  });

  it.each([
    [35, 50],
    [36, 51],
    [75, 100],
    [76, 101],
    [1004, 500],
  ])('SO2 %s ppb gives %s', (concentration, index) => {
    expect(subIndex('so2', fromPpb(concentration, 64.07))).toBe(index);
  });

  it.each([
    [4.4, 50],
    [4.5, 51],
    [9.4, 100],
    [9.5, 101],
    [50.4, 500],
  ])('CO %s ppm gives %s', (concentration, index) => {
    expect(subIndex('co', fromPpm(concentration, 28.01))).toBe(index);
  });

  it.each([
    [0.054, 50],
    [0.055, 51],
    [0.07, 100],
    [0.071, 101],
    [0.2, 300], // the 8-hour table's last row
    [0.201, 196], // above 0.200 ppm only the 1-hour table applies (row 151–200)
    [0.405, 301],
    [0.604, 500],
  ])('O3 %s ppm gives %s', (concentration, index) => {
    expect(subIndex('o3', fromPpm(concentration, 48.0))).toBe(index);
  });

  it('takes the higher of the 8-hour and 1-hour ozone tables', () => {
    // 0.130 ppm: the 8-hour row 201–300 gives 226; the 1-hour row 101–150 gives 107.
    expect(subIndex('o3', fromPpm(0.13, 48.0))).toBe(226);
  });
});

describe('computeAqi', () => {
  it('reports the highest sub-index and the pollutant responsible', () => {
    expect(computeAqi({ pm25: 12.3, pm10: 20, o3: fromPpm(0.03, 48.0) })).toEqual({
      index: 57,
      level: 'moderate',
      responsiblePollutant: 'pm25',
      subIndices: { pm25: 57, pm10: 19, o3: 28 },
    });
  });

  it('names ozone when ozone dominates', () => {
    expect(computeAqi({ pm25: 5, o3: fromPpm(0.08, 48.0) })).toMatchObject({
      index: 133,
      level: 'unhealthyForSensitiveGroups',
      responsiblePollutant: 'o3',
    });
  });

  it('breaks a tie in favour of particles', () => {
    expect(computeAqi({ no2: fromPpb(53, 46.01), pm25: 9 })?.responsiblePollutant).toBe('pm25');
  });

  it('returns undefined without any pollutant', () => {
    expect(computeAqi({})).toBeUndefined();
  });
});

describe('aqiLevel', () => {
  it.each([
    [50, 'good'],
    [51, 'moderate'],
    [150, 'unhealthyForSensitiveGroups'],
    [151, 'unhealthy'],
    [300, 'veryUnhealthy'],
    [301, 'hazardous'],
  ] as const)('%s is %s', (index, level) => {
    expect(aqiLevel(index)).toBe(level);
  });
});
