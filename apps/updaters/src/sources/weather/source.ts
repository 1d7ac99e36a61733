import type { PolledSource } from '@legocity/updater-runtime';
import { createStationSource, currentUrl } from '../open-meteo/station-source.js';
import type { StationReading } from '../open-meteo/station-entities.js';
import type { WeatherConfig } from './config.js';
import { weatherObservedContract } from './contract.js';
import { transformWeather, WEATHER_VARIABLES } from './transform.js';

const VARIABLES = WEATHER_VARIABLES.map(([variable]) => variable);

/**
 * Current weather for each configured station from an Open-Meteo-style API, written as
 * WeatherObserved. One GET per station per run; a station with a broken answer is logged and
 * skipped, and the run fails (permanent, kind `transform`) only when no station could be read.
 * @example runtime.add(createWeatherSource(readWeatherConfig().value))
 */
export function createWeatherSource(config: WeatherConfig): PolledSource<StationReading[]> {
  return createStationSource({
    id: 'weather',
    title: 'Weather observations (Open-Meteo-style API)',
    contract: weatherObservedContract,
    subject: 'weather',
    config,
    variables: VARIABLES,
    transform: transformWeather,
  });
}

/**
 * The forecast URL of one station: the configured endpoint with latitude, longitude and the
 * current variables set (other query parameters of the endpoint are kept).
 * @example forecastUrl('https://api.open-meteo.com/v1/forecast', station)
 */
export function forecastUrl(
  endpoint: string,
  station: { latitude: number; longitude: number },
): string {
  return currentUrl(endpoint, station, VARIABLES);
}
