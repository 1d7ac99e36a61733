import { describe, expect, it } from 'vitest';
import { readWeatherConfig } from './config.js';

describe('readWeatherConfig', () => {
  it('reads the stations and defaults to the public API every 15 minutes', () => {
    expect(
      readWeatherConfig({ LEGOCITY_UPDATERS_WEATHER_STATIONS: 'Town Hall@45.1885,5.7245' }),
    ).toEqual({
      ok: true,
      value: {
        url: 'https://api.open-meteo.com/v1/forecast',
        stations: [{ id: 'town-hall', name: 'Town Hall', latitude: 45.1885, longitude: 5.7245 }],
        every: 900_000,
      },
    });
  });

  it('reports every problem by variable name', () => {
    const result = readWeatherConfig({
      LEGOCITY_UPDATERS_WEATHER_URL: 'ftp://meteo.example',
      LEGOCITY_UPDATERS_WEATHER_EVERY: '15',
    });
    expect(result.ok ? [] : result.problems.map((problem) => problem.variable)).toEqual([
      'LEGOCITY_UPDATERS_WEATHER_URL',
      'LEGOCITY_UPDATERS_WEATHER_STATIONS',
      'LEGOCITY_UPDATERS_WEATHER_EVERY',
    ]);
  });

  it('says which station is written wrong', () => {
    expect(readWeatherConfig({ LEGOCITY_UPDATERS_WEATHER_STATIONS: 'A@1,2;B' })).toEqual({
      ok: false,
      problems: [
        {
          variable: 'LEGOCITY_UPDATERS_WEATHER_STATIONS',
          message: 'station 2 must be written name@latitude,longitude',
        },
      ],
    });
  });
});
