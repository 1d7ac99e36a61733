import type { AttributeContract } from '@legocity/updater-runtime';

/**
 * The attributes every station entity of an Open-Meteo-style source carries: the station's
 * `name`, its `location` (a Point) and `dateObserved` (an NGSI-LD DateTime).
 * @example attributes: [...STATION_ATTRIBUTES, { name: 'temperature', … }]
 */
export const STATION_ATTRIBUTES: readonly AttributeContract[] = [
  { name: 'name', kind: 'Property', valueType: 'string', required: true },
  { name: 'location', kind: 'GeoProperty', geometry: ['Point'], required: true },
  {
    name: 'dateObserved',
    kind: 'Property',
    valueType: 'object',
    required: true,
    description: 'Time of the observation, an NGSI-LD DateTime ({"@type": "DateTime", …}).',
  },
];

/**
 * The id pattern of a station entity type: `urn:ngsi-ld:<type>:<station id>`.
 * @example stationIdPattern('WeatherObserved') // 'urn:ngsi-ld:WeatherObserved:[a-z0-9]+(-[a-z0-9]+)*'
 */
export function stationIdPattern(entityType: string): string {
  return `urn:ngsi-ld:${entityType}:[a-z0-9]+(-[a-z0-9]+)*`;
}
