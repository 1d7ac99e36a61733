import { PermanentError, type PolledSource } from '@legocity/updater-runtime';
import type { AirQualityConfig } from './config.js';
import { airQualityObservedContract } from './contract.js';
import { AIR_QUALITY_VARIABLES, transformAirQuality, type AirQualityReading } from './transform.js';

/**
 * Current air quality for each configured station from an Open-Meteo-style API, written as
 * AirQualityObserved with the US EPA AQI. One GET per station per run; a station with a broken
 * answer is logged and skipped, and the run fails (permanent, kind `transform`) only when no
 * station could be read.
 * @example runtime.add(createAirQualitySource(readAirQualityConfig().value))
 */
export function createAirQualitySource(
  config: AirQualityConfig,
): PolledSource<AirQualityReading[]> {
  return {
    kind: 'polled',
    id: 'air-quality',
    title: 'Air quality with US EPA AQI (Open-Meteo-style API)',
    entityTypes: [airQualityObservedContract.type],
    contracts: [airQualityObservedContract],
    schedule: { every: config.every },
    periodMs: config.every,
    graceMs: 2 * config.every,
    async fetch(context) {
      const readings: AirQualityReading[] = [];
      for (const station of config.stations) {
        const { body } = await context.get(airQualityUrl(config.url, station));
        readings.push({ station, response: body });
      }
      return readings;
    },
    transform(readings, context) {
      const { entities, problems } = transformAirQuality(readings);
      for (const problem of problems) {
        context.log.warn({ problem }, `Air-quality answer skipped: ${problem}`);
      }
      if (entities.length === 0 && problems.length > 0) {
        throw new PermanentError(
          'transform',
          `No air-quality station could be read: ${problems[0]}`,
        );
      }
      return entities;
    },
  };
}

/**
 * The air-quality URL of one station: the configured endpoint with latitude, longitude and the
 * current pollutants set (other query parameters of the endpoint are kept).
 * @example airQualityUrl('https://air-quality-api.open-meteo.com/v1/air-quality', station)
 */
export function airQualityUrl(
  endpoint: string,
  station: { latitude: number; longitude: number },
): string {
  const url = new URL(endpoint);
  url.searchParams.set('latitude', String(station.latitude));
  url.searchParams.set('longitude', String(station.longitude));
  url.searchParams.set('current', AIR_QUALITY_VARIABLES.map(([variable]) => variable).join(','));
  return url.toString();
}
