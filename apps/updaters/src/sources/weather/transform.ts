import type { EntityBody } from '@legocity/broker-client';
import { readCurrent } from './open-meteo.js';
import type { Station } from './stations.js';
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
export interface WeatherReading {
  station: Station;
  response: unknown;
}

/** Entities of the stations that could be read, and why the others could not. */
export interface WeatherTransformResult {
  entities: EntityBody[];
  /** One line per problem, naming the station and the field: `station "x": current.y: …`. */
  problems: string[];
}

/**
 * Turns answers into WeatherObserved entities, one per station, id
 * `urn:ngsi-ld:WeatherObserved:<station id>`. Pure: the same answers give the same entities.
 * A station whose answer is broken is left out and reported; the others are still written.
 * @example transformWeather([{ station, response }]).entities[0].temperature // { type: 'Property', value: 21.4, unitCode: 'CEL', observedAt: '…' }
 */
export function transformWeather(readings: readonly WeatherReading[]): WeatherTransformResult {
  const entities: EntityBody[] = [];
  const problems: string[] = [];
  for (const { station, response } of readings) {
    const where = `station "${station.name}"`;
    const current = readCurrent(
      response,
      WEATHER_VARIABLES.map(([variable]) => variable),
    );
    if (!current.ok) {
      problems.push(...current.problems.map((problem) => `${where}: ${problem}`));
      continue;
    }
    const { observedAt, values } = current.value;
    const entity: EntityBody = {
      id: `urn:ngsi-ld:WeatherObserved:${station.id}`,
      type: 'WeatherObserved',
      name: { type: 'Property', value: station.name },
      location: {
        type: 'GeoProperty',
        value: { type: 'Point', coordinates: [station.longitude, station.latitude] },
      },
      dateObserved: { type: 'Property', value: { '@type': 'DateTime', '@value': observedAt } },
    };
    const stationProblems: string[] = [];
    for (const [variable, attribute] of WEATHER_VARIABLES) {
      const measured = values[variable];
      if (measured === undefined) continue;
      const value = convertUnit(attribute, measured.value, measured.unit);
      if (value === undefined) {
        stationProblems.push(
          `${where}: current_units.${variable}: unit "${measured.unit}" is not one of ${knownUnits(attribute).join(', ')}`,
        );
        continue;
      }
      entity[attribute] = { type: 'Property', value, unitCode: UNIT_CODES[attribute], observedAt };
    }
    if (stationProblems.length > 0) problems.push(...stationProblems);
    else entities.push(entity);
  }
  return { entities, problems };
}
