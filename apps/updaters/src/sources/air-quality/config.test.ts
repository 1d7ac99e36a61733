import { describe, expect, it } from 'vitest';
import { readAirQualityConfig } from './config.js';

describe('readAirQualityConfig', () => {
  it('reads the stations and defaults to the public API every hour', () => {
    expect(
      readAirQualityConfig({
        LEGOCITY_UPDATERS_AIR_QUALITY_STATIONS: 'Ring Road@45.15,5.75',
        LEGOCITY_UPDATERS_AIR_QUALITY_URL: 'http://127.0.0.1:8080/v1/air-quality',
      }),
    ).toEqual({
      ok: true,
      value: {
        url: 'http://127.0.0.1:8080/v1/air-quality',
        stations: [{ id: 'ring-road', name: 'Ring Road', latitude: 45.15, longitude: 5.75 }],
        every: 3_600_000,
      },
    });
  });

  it('requires stations', () => {
    expect(readAirQualityConfig({})).toMatchObject({
      ok: false,
      problems: [{ variable: 'LEGOCITY_UPDATERS_AIR_QUALITY_STATIONS' }],
    });
  });
});
