import type { EntityBody } from '@legocity/broker-client';
import { readCurrent, type CurrentConditions } from './read-current.js';
import type { Station } from './stations.js';

/** What a station source fetched for one station. */
export interface StationReading {
  station: Station;
  response: unknown;
}

/** Entities of the stations that could be read, and why the others could not. */
export interface StationTransformResult {
  entities: EntityBody[];
  /** One line per problem, naming the station and the field: `station "x": current.y: …`. */
  problems: string[];
}

/**
 * Adds a source's own attributes to a station entity from the checked `current` block; returns
 * the problems found (each starting with `where`). Any problem leaves the station out.
 */
export type FillStation = (
  entity: EntityBody,
  current: CurrentConditions,
  where: string,
) => string[];

/**
 * Turns answers into one entity of `entityType` per station, id `urn:ngsi-ld:<type>:<station id>`,
 * with `name`, `location` and `dateObserved`, then the attributes `fill` adds. Pure. A station
 * whose answer is broken is left out and reported; the others are still written.
 * @example transformStations(readings, 'WeatherObserved', ['temperature_2m'], fillWeather)
 */
export function transformStations(
  readings: readonly StationReading[],
  entityType: string,
  variables: readonly string[],
  fill: FillStation,
): StationTransformResult {
  const entities: EntityBody[] = [];
  const problems: string[] = [];
  for (const { station, response } of readings) {
    const where = `station "${station.name}"`;
    const current = readCurrent(response, variables);
    if (!current.ok) {
      problems.push(...current.problems.map((problem) => `${where}: ${problem}`));
      continue;
    }
    const entity: EntityBody = {
      id: `urn:ngsi-ld:${entityType}:${station.id}`,
      type: entityType,
      name: { type: 'Property', value: station.name },
      location: {
        type: 'GeoProperty',
        value: { type: 'Point', coordinates: [station.longitude, station.latitude] },
      },
      dateObserved: {
        type: 'Property',
        value: { '@type': 'DateTime', '@value': current.value.observedAt },
      },
    };
    const stationProblems = fill(entity, current.value, where);
    if (stationProblems.length > 0) problems.push(...stationProblems);
    else entities.push(entity);
  }
  return { entities, problems };
}
