import { PermanentError, type EntityContract, type PolledSource } from '@legocity/updater-runtime';
import type { StationReading, StationTransformResult } from './station-entities.js';
import type { Station } from './stations.js';

/** What differs between the Open-Meteo-style station sources. */
export interface StationSourceOptions {
  id: string;
  title: string;
  contract: EntityContract;
  /** Lower-case name of what is read, in log lines and errors: `weather`, `air-quality`. */
  subject: string;
  /** The configured endpoint, the stations and the run period (ms). */
  config: { url: string; stations: readonly Station[]; every: number };
  /** The variables asked for in `current=…`. */
  variables: readonly string[];
  transform(readings: readonly StationReading[]): StationTransformResult;
}

/**
 * A polled source reading the `current` block of an Open-Meteo-style API for each station: one GET
 * per station per run; a station with a broken answer is logged and skipped, and the run fails
 * (permanent, kind `transform`) only when no station could be read.
 * @example createStationSource({ id: 'weather', subject: 'weather', … })
 */
export function createStationSource(options: StationSourceOptions): PolledSource<StationReading[]> {
  const { config, subject } = options;
  const Subject = subject.charAt(0).toUpperCase() + subject.slice(1);
  return {
    kind: 'polled',
    id: options.id,
    title: options.title,
    entityTypes: [options.contract.type],
    contracts: [options.contract],
    schedule: { every: config.every },
    periodMs: config.every,
    graceMs: 2 * config.every,
    async fetch(context) {
      const readings: StationReading[] = [];
      for (const station of config.stations) {
        const { body } = await context.get(currentUrl(config.url, station, options.variables));
        readings.push({ station, response: body });
      }
      return readings;
    },
    transform(readings, context) {
      const { entities, problems } = options.transform(readings);
      for (const problem of problems) {
        context.log.warn({ problem }, `${Subject} answer skipped: ${problem}`);
      }
      if (entities.length === 0 && problems.length > 0) {
        throw new PermanentError(
          'transform',
          `No ${subject} station could be read: ${problems[0]}`,
        );
      }
      return entities;
    },
  };
}

/**
 * The URL of one station: the configured endpoint with latitude, longitude and the `current`
 * variables set (other query parameters of the endpoint are kept).
 * @example currentUrl('https://api.open-meteo.com/v1/forecast', station, ['temperature_2m'])
 */
export function currentUrl(
  endpoint: string,
  station: { latitude: number; longitude: number },
  variables: readonly string[],
): string {
  const url = new URL(endpoint);
  url.searchParams.set('latitude', String(station.latitude));
  url.searchParams.set('longitude', String(station.longitude));
  url.searchParams.set('current', variables.join(','));
  return url.toString();
}
