import type { EntityBody } from '@legocity/broker-client';
import { parseGeometry, type Geometry } from '@legocity/ngsi-ld';
import { idPart } from '../entity-id.js';
import type { MappedValueType, Mapping } from './mapping.js';
import { parseWkt } from './wkt.js';
import type { SourceRecord } from './records.js';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

/** An entity, or every reason the record cannot become one (each `<where>: <field>: <rule>`). */
export type MapRecordResult = { ok: true; value: EntityBody } | { ok: false; problems: string[] };

/**
 * Turns one CSV row or GeoJSON feature into an entity of the mapping's type, id
 * `urn:ngsi-ld:<entityType>:<id>`. Empty values leave their attribute out, unless it is required.
 * @example mapRecord({ where: 'line 2', field: 'column', values: { code: 'P1', capacity: '120' } }, mapping)
 */
export function mapRecord(record: SourceRecord, mapping: Mapping): MapRecordResult {
  const problems: string[] = [];
  const say = (name: string | undefined, rule: string) =>
    problems.push(
      name === undefined
        ? `${record.where}: ${rule}`
        : `${record.where}: ${record.field} "${name}": ${rule}`,
    );
  const raw = (name: string): unknown => {
    const value = record.values[name];
    return typeof value === 'string' ? value.trim() : value;
  };
  const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

  const idValue = readId(record, mapping, raw, say);
  let observedAt: string | undefined;
  if (mapping.observedAt !== undefined) {
    const value = raw(mapping.observedAt);
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms))
      say(mapping.observedAt, `expected an ISO 8601 date-time, got ${show(value)}`);
    else observedAt = new Date(ms).toISOString();
  }

  const entity: EntityBody = { id: '', type: mapping.entityType };
  for (const attribute of mapping.attributes) {
    const value = raw(attribute.column);
    if (isEmpty(value)) {
      if (attribute.required) say(attribute.column, 'is required but empty');
      continue;
    }
    const converted = convert(value, attribute.valueType);
    if (converted === undefined) {
      say(attribute.column, `expected ${article(attribute.valueType)}, got ${show(value)}`);
      continue;
    }
    entity[attribute.name] = {
      type: 'Property',
      value: converted,
      ...(attribute.unitCode === undefined ? {} : { unitCode: attribute.unitCode }),
      ...(observedAt === undefined ? {} : { observedAt }),
    };
  }

  const geometry = readLocation(record, mapping, raw, say);
  if (geometry) {
    if (mapping.geometry && !mapping.geometry.includes(geometry.type)) {
      say(undefined, `geometry ${geometry.type} is not one of ${mapping.geometry.join(', ')}`);
    } else {
      entity.location = { type: 'GeoProperty', value: geometry as unknown as EntityBody[string] };
    }
  }
  if (problems.length > 0 || idValue === undefined) return { ok: false, problems };
  entity.id = `urn:ngsi-ld:${mapping.entityType}:${idPart(idValue)}`;
  return { ok: true, value: entity };
}

type Say = (name: string | undefined, rule: string) => void;

function readId(
  record: SourceRecord,
  mapping: Mapping,
  raw: (name: string) => unknown,
  say: Say,
): string | undefined {
  const { entityId } = mapping;
  if ('featureId' in entityId) {
    const id = idText(record.featureId);
    if (id === undefined) say(undefined, 'the feature has no id');
    return id;
  }
  if ('column' in entityId) {
    const id = idText(raw(entityId.column));
    if (id === undefined) say(entityId.column, 'is the entity id but is empty');
    return id;
  }
  let complete = true;
  const id = entityId.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const part = idText(raw(name));
    if (part === undefined) {
      say(name, 'is part of the entity id but is empty');
      complete = false;
    }
    return part ?? '';
  });
  return complete ? id : undefined;
}

/** A non-empty text or a finite number as id text; anything else is no id. */
function idText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function readLocation(
  record: SourceRecord,
  mapping: Mapping,
  raw: (name: string) => unknown,
  say: Say,
): Geometry | undefined {
  if (record.geometry !== undefined) {
    if (record.geometry === null) return undefined;
    return checked(parseGeometry(record.geometry, 'geometry'), say);
  }
  const { location } = mapping;
  if (!location) return undefined;
  if ('lon' in location) {
    const lon = convert(raw(location.lon), 'number');
    const lat = convert(raw(location.lat), 'number');
    if (typeof lon !== 'number')
      say(location.lon, `expected a longitude, got ${show(raw(location.lon))}`);
    if (typeof lat !== 'number')
      say(location.lat, `expected a latitude, got ${show(raw(location.lat))}`);
    if (typeof lon !== 'number' || typeof lat !== 'number') return undefined;
    return checked(parseGeometry({ type: 'Point', coordinates: [lon, lat] }, 'location'), say);
  }
  if ('wkt' in location) {
    const text = raw(location.wkt);
    const parsed = typeof text === 'string' ? parseWkt(text) : undefined;
    if (parsed?.ok) return parsed.value;
    say(location.wkt, parsed ? `is not WKT: ${parsed.message}` : 'is empty');
    return undefined;
  }
  const text = raw(location.geojson);
  let json: unknown;
  try {
    json = JSON.parse(String(text));
  } catch {
    say(location.geojson, `expected a GeoJSON geometry, got ${show(text)}`);
    return undefined;
  }
  return checked(parseGeometry(json, location.geojson), say);
}

function checked(parsed: ReturnType<typeof parseGeometry>, say: Say): Geometry | undefined {
  if (parsed.ok) return parsed.value;
  for (const problem of parsed.problems) say(undefined, `${problem.field} ${problem.message}`);
  return undefined;
}

/** A value read as `type`, or undefined when it is not one. */
function convert(value: unknown, type: MappedValueType): string | number | boolean | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : undefined;
    case 'number':
      if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
      return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : undefined;
    case 'integer':
      if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
      return typeof value === 'string' && INTEGER.test(value) && Number.isSafeInteger(Number(value))
        ? Number(value)
        : undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value !== 'string') return undefined;
      return TRUE.has(value.toLowerCase())
        ? true
        : FALSE.has(value.toLowerCase())
          ? false
          : undefined;
  }
}

function article(type: MappedValueType): string {
  return type === 'integer' ? 'an integer' : `a ${type}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
