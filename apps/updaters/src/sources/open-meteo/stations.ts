import {
  defineField,
  type Field,
  type FieldOptions,
  type RequiredFieldOptions,
} from '@legocity/config';

/** A place observed by a point source: its stable id (in entity ids), name and WGS 84 position. */
export interface Station {
  /** Lower-case letters, digits and dashes, derived from the name; part of every entity id. */
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

const ENTRY = /^(.+?)@\s*([+-]?\d+(?:\.\d+)?)\s*,\s*([+-]?\d+(?:\.\d+)?)$/;

/**
 * Parses `Town Hall@45.1885,5.7245; Airport@45.3629,5.3294` (name@latitude,longitude, entries
 * separated by `;`). Returns the stations, or the first rule broken (never the text itself).
 * @example parseStations('Town Hall@45.19,5.72') // { ok: true, value: [{ id: 'town-hall', … }] }
 */
export function parseStations(
  text: string,
): { ok: true; value: Station[] } | { ok: false; message: string } {
  const entries = text
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return { ok: false, message: 'must list at least one station' };
  const stations: Station[] = [];
  for (const [index, entry] of entries.entries()) {
    const match = ENTRY.exec(entry);
    const position = `station ${index + 1}`;
    if (!match?.[1] || !match[2] || !match[3]) {
      return { ok: false, message: `${position} must be written name@latitude,longitude` };
    }
    const name = match[1].trim();
    const latitude = Number(match[2]);
    const longitude = Number(match[3]);
    if (latitude < -90 || latitude > 90) {
      return { ok: false, message: `${position} must have a latitude between -90 and 90` };
    }
    if (longitude < -180 || longitude > 180) {
      return { ok: false, message: `${position} must have a longitude between -180 and 180` };
    }
    const id = stationId(name);
    if (id === '')
      return { ok: false, message: `${position} must have a name with a letter or digit` };
    if (stations.some((station) => station.id === id)) {
      return { ok: false, message: `${position} has the same id "${id}" as an earlier station` };
    }
    stations.push({ id, name, latitude, longitude });
  }
  return { ok: true, value: stations };
}

/**
 * The id part of a station name: accents dropped, lower case, runs of other characters as one dash.
 * @example stationId('Place de la Résistance') // 'place-de-la-resistance'
 */
export function stationId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A configuration field holding a list of stations (see `parseStations`).
 * @example stations({ env: 'LEGOCITY_UPDATERS_WEATHER_STATIONS' })
 */
export function stations(
  options: RequiredFieldOptions<FieldOptions<Station[]>, Station[]>,
): Field<Station[], false> {
  return defineField<Station[]>(
    {
      type: 'stations (name@lat,lon;…)',
      parse: parseStations,
      format: (value) =>
        value
          .map((station) => `${station.name}@${station.latitude},${station.longitude}`)
          .join(';'),
    },
    options,
  ) as Field<Station[], false>;
}
