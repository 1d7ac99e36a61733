import { readFileSync } from 'node:fs';
import { duration, loadConfig, url, type ConfigOf, type LoadConfigResult } from '@legocity/config';
import { stations } from '../open-meteo/stations.js';

/** Settings of the weather source, read once at start-up (`LEGOCITY_UPDATERS_WEATHER_*`). */
export const weatherConfigSchema = {
  url: url({
    env: 'LEGOCITY_UPDATERS_WEATHER_URL',
    protocols: ['http:', 'https:'],
    default: 'https://api.open-meteo.com/v1/forecast',
    description:
      'Forecast endpoint of an Open-Meteo-compatible API; the source adds latitude, longitude and current=… to it.',
  }),
  stations: stations({
    env: 'LEGOCITY_UPDATERS_WEATHER_STATIONS',
    description:
      'Places to observe, `name@latitude,longitude` separated by `;`, e.g. `Town Hall@45.1885,5.7245;Airport@45.3629,5.3294`. The name gives the entity id.',
  }),
  every: duration({
    env: 'LEGOCITY_UPDATERS_WEATHER_EVERY',
    default: 900_000,
    description:
      'How often current conditions are read (Open-Meteo updates them every 15 minutes).',
  }),
};

export type WeatherConfig = ConfigOf<typeof weatherConfigSchema>;

/**
 * Read the weather source's configuration from an environment (default: this process's).
 * @example const result = readWeatherConfig(); if (result.ok) createWeatherSource(result.value);
 */
export function readWeatherConfig(
  env: NodeJS.ProcessEnv = process.env,
): LoadConfigResult<WeatherConfig> {
  return loadConfig(weatherConfigSchema, { env, readFile: (file) => readFileSync(file, 'utf8') });
}
