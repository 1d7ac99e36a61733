import type { EntityBody } from '@legocity/broker-client';
import { idPart } from '../entity-id.js';

/** What one run of the GBFS source read: the two station feeds and how to name things. */
export interface GbfsSnapshot {
  /** `system_id` of the system (from the configuration or system_information). */
  systemId: string;
  /** GBFS version of the feeds, e.g. "2.3" or "3.0". */
  version: string;
  /** Preferred language of localized names (3.x); default the first given. */
  language?: string;
  stationInformation: unknown;
  stationStatus: unknown;
}

/** Entities of the stations that could be read, and why the others could not. */
export interface GbfsTransformResult {
  entities: EntityBody[];
  problems: string[];
}

interface StationInformation {
  name: string;
  lat: number;
  lon: number;
  capacity?: number;
}

/**
 * Joins station_information and station_status into BikeHireDockingStation entities, id
 * `urn:ngsi-ld:BikeHireDockingStation:<system_id>:<station_id>`. Handles both GBFS 2.x (POSIX
 * `last_reported`, `num_bikes_available`, plain names) and 3.x (RFC 3339 `last_reported`,
 * `num_vehicles_available`, localized names). Pure. A station that is broken or is missing from
 * one of the two feeds is left out and reported.
 * @example transformGbfs({ systemId: 'lego', version: '3.0', stationInformation, stationStatus })
 */
export function transformGbfs(snapshot: GbfsSnapshot): GbfsTransformResult {
  const problems: string[] = [];
  const informationList = stationsOf(snapshot.stationInformation, 'station_information', problems);
  const statusList = stationsOf(snapshot.stationStatus, 'station_status', problems);
  const information = new Map<string, StationInformation>();
  for (const [index, station] of informationList.entries()) {
    const read = readInformation(station, snapshot.language);
    if (typeof read === 'string') problems.push(`station_information: stations[${index}]${read}`);
    else information.set(read.id, read.value);
  }

  const entities: EntityBody[] = [];
  for (const [index, status] of statusList.entries()) {
    const where = `station_status: stations[${index}]`;
    if (!isObject(status) || !isStationId(status.station_id)) {
      problems.push(`${where}.station_id: expected a string`);
      continue;
    }
    const stationId = String(status.station_id);
    const info = information.get(stationId);
    if (!info) {
      problems.push(`${where}: station "${stationId}" is not in station_information`);
      continue;
    }
    const stationProblems: string[] = [];
    const count = (field: string): number | undefined => {
      const value = status[field];
      if (value === undefined) return undefined;
      if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number;
      stationProblems.push(`${where}.${field}: expected a whole number ≥ 0, got ${show(value)}`);
      return undefined;
    };
    const bikes = count('num_vehicles_available') ?? count('num_bikes_available');
    const docks = count('num_docks_available');
    const reportedAt = readReported(status.last_reported);
    if (reportedAt === undefined) {
      stationProblems.push(
        `${where}.last_reported: expected POSIX seconds or an RFC 3339 time, got ${show(status.last_reported)}`,
      );
    }
    if (bikes === undefined && stationProblems.length === 0) {
      stationProblems.push(`${where}.num_bikes_available: is missing`);
    }
    const installed = readFlag(status.is_installed, `${where}.is_installed`, stationProblems);
    const renting = readFlag(status.is_renting, `${where}.is_renting`, stationProblems);
    if (stationProblems.length > 0 || reportedAt === undefined) {
      problems.push(...stationProblems);
      continue;
    }
    const observedAt = reportedAt;
    const entity: EntityBody = {
      id: `urn:ngsi-ld:BikeHireDockingStation:${idPart(snapshot.systemId)}:${idPart(stationId)}`,
      type: 'BikeHireDockingStation',
      name: { type: 'Property', value: info.name },
      location: {
        type: 'GeoProperty',
        value: { type: 'Point', coordinates: [info.lon, info.lat] },
      },
      availableBikeNumber: { type: 'Property', value: bikes ?? 0, observedAt },
      status: {
        type: 'Property',
        value: installed && renting ? 'working' : 'outOfService',
        observedAt,
      },
      dateLastReported: { type: 'Property', value: { '@type': 'DateTime', '@value': observedAt } },
    };
    if (info.capacity !== undefined) {
      entity.totalSlotNumber = { type: 'Property', value: info.capacity };
    }
    if (docks !== undefined) entity.freeSlotNumber = { type: 'Property', value: docks, observedAt };
    entities.push(entity);
  }
  return { entities, problems };
}

/** The `data.stations` array of a feed, or [] with a problem. */
function stationsOf(feed: unknown, name: string, problems: string[]): unknown[] {
  if (isObject(feed) && isObject(feed.data) && Array.isArray(feed.data.stations)) {
    return feed.data.stations;
  }
  problems.push(`${name}: data.stations: expected an array`);
  return [];
}

function readInformation(
  station: unknown,
  language: string | undefined,
): { id: string; value: StationInformation } | string {
  if (!isObject(station) || !isStationId(station.station_id))
    return '.station_id: expected a string';
  const id = String(station.station_id);
  const name = readName(station.name, language);
  if (name === undefined) return ` ("${id}").name: expected a text or localized texts`;
  const { lat, lon, capacity } = station;
  if (typeof lat !== 'number' || lat < -90 || lat > 90) {
    return ` ("${id}").lat: expected a latitude, got ${show(lat)}`;
  }
  if (typeof lon !== 'number' || lon < -180 || lon > 180) {
    return ` ("${id}").lon: expected a longitude, got ${show(lon)}`;
  }
  if (capacity !== undefined && !(Number.isSafeInteger(capacity) && (capacity as number) >= 0)) {
    return ` ("${id}").capacity: expected a whole number ≥ 0, got ${show(capacity)}`;
  }
  return {
    id,
    value: { name, lat, lon, ...(capacity === undefined ? {} : { capacity: capacity as number }) },
  };
}

/** 2.x: a string. 3.x: `[{ text, language }]`, the preferred language or the first. */
function readName(name: unknown, language: string | undefined): string | undefined {
  if (typeof name === 'string') return name;
  if (!Array.isArray(name)) return undefined;
  const texts = name.filter(
    (item): item is { text: string; language?: unknown } =>
      isObject(item) && typeof item.text === 'string',
  );
  return (texts.find((item) => item.language === language) ?? texts[0])?.text;
}

/** 2.x: POSIX seconds. 3.x: RFC 3339. Returned as ISO 8601 UTC. */
function readReported(value: unknown): string | undefined {
  let ms: number;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) ms = value * 1000;
  else if (typeof value === 'string' && /T.*(Z|[+-]\d\d:\d\d)$/.test(value)) ms = Date.parse(value);
  else return undefined;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** GBFS 2.x+ booleans; GBFS 1.x wrote 0 and 1. */
function readFlag(value: unknown, field: string, problems: string[]): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  problems.push(`${field}: expected true or false, got ${show(value)}`);
  return false;
}

function isStationId(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || Number.isSafeInteger(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
