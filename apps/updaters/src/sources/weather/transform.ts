import type { EntityBody } from '@legocity/broker-client';
import type { CurrentConditions } from '../open-meteo/read-current.js';
import {
  transformStations,
  type StationReading,
  type StationTransformResult,
} from '../open-meteo/station-entities.js';
import { convertUnit, knownUnits, type Quantity } from './units.js';

/** The variables asked of the API, and the WeatherObserved attribute each one fills. */
export const WEATHER_VARIABLES: ReadonlyArray<readonly [variable: string, attribute: Quantity]> = [
  ['temperature_2m', 'temperature'],
  ['relative_humidity_2m', 'relativeHumidity'],
  ['wind_speed_10m', 'windSpeed'],
  ['wind_direction_10m', 'windDirection'],
  ['precipitation', 'precipitation'],
  ['surface_pressure', 'atmosphericPressure'],
];

const UNIT_CODES: Record<Quantity, string> = {
  temperature: 'CEL',
  relativeHumidity: 'C62',
  windSpeed: 'MTS',
  windDirection: 'DD',
  precipitation: 'MMT',
  atmosphericPressure: 'A97',
};

/** What the weather source fetched for one station. */
export type WeatherReading = StationReading;

/** Entities of the stations that could be read, and why the others could not. */
export type WeatherTransformResult = StationTransformResult;

/**
 * Turns answers into WeatherObserved entities, one per station, id
 * `urn:ngsi-ld:WeatherObserved:<station id>`. Pure: the same answers give the same entities.
 * A station whose answer is broken is left out and reported; the others are still written.
 * @example transformWeather([{ station, response }]).entities[0].temperature // { type: 'Property', value: 21.4, unitCode: 'CEL', observedAt: '…' }
 */
export function transformWeather(readings: readonly WeatherReading[]): WeatherTransformResult {
  return transformStations(
    readings,
    'WeatherObserved',
    WEATHER_VARIABLES.map(([variable]) => variable),
    fillWeather,
  );
}

/** Sets each measured variable, converted to the contract's unit. */
function fillWeather(
  entity: EntityBody,
  { observedAt, values }: CurrentConditions,
  where: string,
): string[] {
  const problems: string[] = [];
  for (const [variable, attribute] of WEATHER_VARIABLES) {
    const measured = values[variable];
    if (measured === undefined) continue;
    const value = convertUnit(attribute, measured.value, measured.unit);
    if (value === undefined) {
      problems.push(
        `${where}: current_units.${variable}: unit "${measured.unit}" is not one of ${knownUnits(attribute).join(', ')}`,
      );
      continue;
    }
    entity[attribute] = { type: 'Property', value, unitCode: UNIT_CODES[attribute], observedAt };
  }
  return problems;
}
