import { isAbsolute, resolve } from 'node:path';
import { COORDINATE_GEOMETRY_TYPES } from '@legocity/ngsi-ld';

/** The JSON type an attribute is read as. */
export type MappedValueType = 'number' | 'integer' | 'string' | 'boolean';

/** One column (CSV) or property (GeoJSON) written as one NGSI-LD Property. */
export interface AttributeMapping {
  /** Column or property name in the file. */
  column: string;
  /** Attribute name written to the broker (a Smart Data Models name where one exists). */
  name: string;
  valueType: MappedValueType;
  /** UN/CEFACT common code, e.g. "MTR"; written as the attribute's unitCode. */
  unitCode?: string;
  /** A row without a value here is refused. Default false: the attribute is left out. */
  required: boolean;
}

/** Where an entity's location comes from (CSV only; GeoJSON features carry their geometry). */
export type LocationMapping = { lon: string; lat: string } | { wkt: string } | { geojson: string };

/** How entity ids are made: from one column, from a template over columns, or the feature id. */
export type EntityIdMapping = { column: string } | { template: string } | { featureId: true };

/** A parsed mapping file: one dataset, one entity type. */
export interface Mapping {
  /** Lower-case letters, digits and dashes; the source id is `open-data-<name>`. */
  name: string;
  /** A file path (resolved against the mapping file's folder) or an http(s) URL. */
  source: string;
  format: 'csv' | 'geojson';
  /** CSV field separator; default ",". */
  delimiter: string;
  entityType: string;
  entityId: EntityIdMapping;
  location?: LocationMapping;
  /** GeoJSON geometry types allowed for `location`; default all. */
  geometry?: string[];
  /** Column holding each row's observation time (ISO 8601), written as observedAt. */
  observedAt?: string;
  attributes: AttributeMapping[];
}

export type MappingResult = { ok: true; value: Mapping } | { ok: false; problems: string[] };

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ENTITY_TYPE = /^[A-Za-z][A-Za-z0-9_]*$/;
const ATTRIBUTE = /^[A-Za-z][A-Za-z0-9_]*$/;
const UNIT_CODE = /^[A-Z0-9]{2,3}$/;
const VALUE_TYPES: readonly MappedValueType[] = ['number', 'integer', 'string', 'boolean'];
const GEOMETRY_TYPES: readonly string[] = COORDINATE_GEOMETRY_TYPES;
const RESERVED = new Set(['id', 'type', 'location', '@context', 'scope']);

/**
 * Parses a mapping file's JSON and reports every problem at once, each naming its field
 * (`attributes[2].valueType: must be one of …`). `mappingDir` resolves a relative `source` path.
 * @example parseMapping(JSON.parse(text), '/etc/legocity') // { ok: true, value: { entityType: 'OffStreetParking', … } }
 */
export function parseMapping(json: unknown, mappingDir: string): MappingResult {
  if (!isObject(json)) return { ok: false, problems: ['mapping: expected a JSON object'] };
  const problems: string[] = [];
  const text = (field: string, optional = false): string | undefined => {
    const value = json[field];
    if (value === undefined && optional) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    problems.push(`${field}: expected a non-empty string`);
    return undefined;
  };

  const name = text('name', true) ?? 'default';
  if (!NAME.test(name)) problems.push('name: must be lower-case letters, digits and dashes');
  const source = text('source');
  const entityType = text('entityType');
  if (entityType !== undefined && !ENTITY_TYPE.test(entityType)) {
    problems.push('entityType: must be a letter followed by letters, digits or _');
  }
  const format = readFormat(json.format, source, problems);
  const delimiter = text('delimiter', true) ?? ',';
  const entityId = readEntityId(json.entityId, format, problems);
  const location = json.location === undefined ? undefined : readLocation(json.location, problems);
  if (location !== undefined && format === 'geojson') {
    problems.push('location: GeoJSON features carry their own geometry; remove location');
  }
  const geometry = readGeometryTypes(json.geometry, problems);
  const observedAt = text('observedAt', true);
  const attributes = readAttributes(json.attributes, problems);

  if (
    problems.length > 0 ||
    source === undefined ||
    entityType === undefined ||
    !format ||
    !entityId
  ) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      name,
      source:
        /^https?:\/\//i.test(source) || isAbsolute(source) ? source : resolve(mappingDir, source),
      format,
      delimiter,
      entityType,
      entityId,
      ...(location === undefined ? {} : { location }),
      ...(geometry === undefined ? {} : { geometry }),
      ...(observedAt === undefined ? {} : { observedAt }),
      attributes,
    },
  };
}

function readFormat(value: unknown, source: string | undefined, problems: string[]) {
  if (value === 'csv' || value === 'geojson') return value;
  if (value !== undefined) {
    problems.push('format: must be csv or geojson');
    return undefined;
  }
  const path = (source ?? '').split(/[?#]/)[0]?.toLowerCase() ?? '';
  if (path.endsWith('.csv')) return 'csv';
  if (path.endsWith('.geojson') || path.endsWith('.json')) return 'geojson';
  if (source !== undefined)
    problems.push('format: cannot tell from the source name; set csv or geojson');
  return undefined;
}

function readEntityId(value: unknown, format: string | undefined, problems: string[]) {
  if (isObject(value)) {
    if (typeof value.column === 'string' && value.column !== '') return { column: value.column };
    if (typeof value.template === 'string' && /\{[^}]+\}/.test(value.template)) {
      return { template: value.template };
    }
    if (value.featureId === true) {
      if (format === 'geojson') return { featureId: true as const };
      problems.push('entityId.featureId: only GeoJSON features have an id');
      return undefined;
    }
  }
  problems.push(
    'entityId: expected { "column": … }, { "template": "…{column}…" } or { "featureId": true }',
  );
  return undefined;
}

function readLocation(value: unknown, problems: string[]): LocationMapping | undefined {
  if (isObject(value)) {
    if (typeof value.lon === 'string' && typeof value.lat === 'string') {
      return { lon: value.lon, lat: value.lat };
    }
    if (typeof value.wkt === 'string') return { wkt: value.wkt };
    if (typeof value.geojson === 'string') return { geojson: value.geojson };
  }
  problems.push(
    'location: expected { "lon": …, "lat": … }, { "wkt": … } or { "geojson": … } column names',
  );
  return undefined;
}

function readGeometryTypes(value: unknown, problems: string[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => GEOMETRY_TYPES.includes(item as string))
  ) {
    return value as string[];
  }
  problems.push(`geometry: expected a list of ${GEOMETRY_TYPES.join(', ')}`);
  return undefined;
}

function readAttributes(value: unknown, problems: string[]): AttributeMapping[] {
  if (!Array.isArray(value)) {
    problems.push('attributes: expected a list');
    return [];
  }
  const attributes: AttributeMapping[] = [];
  for (const [index, item] of value.entries()) {
    const at = `attributes[${index}]`;
    if (!isObject(item)) {
      problems.push(`${at}: expected an object`);
      continue;
    }
    const column = typeof item.column === 'string' ? item.column : item.property;
    const name = item.name ?? column;
    const valueType = item.valueType ?? 'string';
    const before = problems.length;
    if (typeof column !== 'string' || column === '')
      problems.push(`${at}.column: expected a column or property name`);
    if (typeof name !== 'string' || !ATTRIBUTE.test(name)) {
      problems.push(`${at}.name: must be a letter followed by letters, digits or _`);
    } else if (RESERVED.has(name)) {
      problems.push(`${at}.name: "${name}" is reserved`);
    } else if (attributes.some((attribute) => attribute.name === name)) {
      problems.push(`${at}.name: "${name}" is mapped twice`);
    }
    if (!VALUE_TYPES.includes(valueType as MappedValueType)) {
      problems.push(`${at}.valueType: must be one of ${VALUE_TYPES.join(', ')}`);
    }
    if (
      item.unitCode !== undefined &&
      (typeof item.unitCode !== 'string' || !UNIT_CODE.test(item.unitCode))
    ) {
      problems.push(`${at}.unitCode: must be a UN/CEFACT common code such as MTR or CEL`);
    }
    if (item.required !== undefined && typeof item.required !== 'boolean') {
      problems.push(`${at}.required: must be true or false`);
    }
    if (problems.length > before) continue;
    attributes.push({
      column: column as string,
      name: name as string,
      valueType: valueType as MappedValueType,
      ...(typeof item.unitCode === 'string' ? { unitCode: item.unitCode } : {}),
      required: item.required === true,
    });
  }
  return attributes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
