import { PermanentError, type PolledSource } from '@legocity/updater-runtime';
import type { WeatherConfig } from './config.js';
import { weatherObservedContract } from './contract.js';
import { transformWeather, WEATHER_VARIABLES, type WeatherReading } from './transform.js';

/**
 * Current weather for each configured station from an Open-Meteo-style API, written as
 * WeatherObserved. One GET per station per run; a station with a broken answer is logged and
 * skipped, and the run fails (permanent, kind `transform`) only when no station could be read.
 * @example runtime.add(createWeatherSource(readWeatherConfig().value))
 */
export function createWeatherSource(config: WeatherConfig): PolledSource<WeatherReading[]> {
  return {
    kind: 'polled',
    id: 'weather',
    title: 'Weather observations (Open-Meteo-style API)',
    entityTypes: [weatherObservedContract.type],
    contracts: [weatherObservedContract],
    schedule: { every: config.every },
    periodMs: config.every,
    graceMs: 2 * config.every,
    async fetch(context) {
      const readings: WeatherReading[] = [];
      for (const station of config.stations) {
        const { body } = await context.get(forecastUrl(config.url, station));
        readings.push({ station, response: body });
      }
      return readings;
    },
    transform(readings, context) {
      const { entities, problems } = transformWeather(readings);
      for (const problem of problems)
        context.log.warn({ problem }, `Weather answer skipped: ${problem}`);
      if (entities.length === 0 && problems.length > 0) {
        throw new PermanentError('transform', `No weather station could be read: ${problems[0]}`);
      }
      return entities;
    },
  };
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
  const url = new URL(endpoint);
  url.searchParams.set('latitude', String(station.latitude));
  url.searchParams.set('longitude', String(station.longitude));
  url.searchParams.set('current', WEATHER_VARIABLES.map(([variable]) => variable).join(','));
  return url.toString();
}
