import type { PolledSource } from '@legocity/updater-runtime';
import { createStationSource, currentUrl } from '../open-meteo/station-source.js';
import type { StationReading } from '../open-meteo/station-entities.js';
import type { AirQualityConfig } from './config.js';
import { airQualityObservedContract } from './contract.js';
import { AIR_QUALITY_VARIABLES, transformAirQuality } from './transform.js';

const VARIABLES = AIR_QUALITY_VARIABLES.map(([variable]) => variable);

/**
 * Current air quality for each configured station from an Open-Meteo-style API, written as
 * AirQualityObserved with the US EPA AQI. One GET per station per run; a station with a broken
 * answer is logged and skipped, and the run fails (permanent, kind `transform`) only when no
 * station could be read.
 * @example runtime.add(createAirQualitySource(readAirQualityConfig().value))
 */
export function createAirQualitySource(config: AirQualityConfig): PolledSource<StationReading[]> {
  return createStationSource({
    id: 'air-quality',
    title: 'Air quality with US EPA AQI (Open-Meteo-style API)',
    contract: airQualityObservedContract,
    subject: 'air-quality',
    config,
    variables: VARIABLES,
    transform: transformAirQuality,
  });
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
  return currentUrl(endpoint, station, VARIABLES);
}
