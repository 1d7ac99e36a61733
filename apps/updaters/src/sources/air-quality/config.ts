import { readFileSync } from 'node:fs';
import { duration, loadConfig, url, type ConfigOf, type LoadConfigResult } from '@legocity/config';
import { stations } from '../open-meteo/stations.js';

/** Settings of the air-quality source, read once at start-up (`LEGOCITY_UPDATERS_AIR_QUALITY_*`). */
export const airQualityConfigSchema = {
  url: url({
    env: 'LEGOCITY_UPDATERS_AIR_QUALITY_URL',
    protocols: ['http:', 'https:'],
    default: 'https://air-quality-api.open-meteo.com/v1/air-quality',
    description:
      'Air-quality endpoint of an Open-Meteo-compatible API; the source adds latitude, longitude and current=… to it.',
  }),
  stations: stations({
    env: 'LEGOCITY_UPDATERS_AIR_QUALITY_STATIONS',
    description:
      'Places to observe, `name@latitude,longitude` separated by `;`, e.g. `Town Hall@45.1885,5.7245`. The name gives the entity id.',
  }),
  every: duration({
    env: 'LEGOCITY_UPDATERS_AIR_QUALITY_EVERY',
    default: 3_600_000,
    description: 'How often current concentrations are read (Open-Meteo updates them hourly).',
  }),
};

export type AirQualityConfig = ConfigOf<typeof airQualityConfigSchema>;

/**
 * Read the air-quality source's configuration from an environment (default: this process's).
 * @example const result = readAirQualityConfig(); if (result.ok) createAirQualitySource(result.value);
 */
export function readAirQualityConfig(
  env: NodeJS.ProcessEnv = process.env,
): LoadConfigResult<AirQualityConfig> {
  return loadConfig(airQualityConfigSchema, {
    env,
    readFile: (file) => readFileSync(file, 'utf8'),
  });
}
