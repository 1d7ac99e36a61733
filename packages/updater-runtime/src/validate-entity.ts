import type { EntityBody } from '@legocity/broker-client';
import { GEOMETRY_TYPES } from '@legocity/ngsi-ld';
import type { AttributeContract, EntityContract, ValueType } from './source.js';

export interface ValidateOptions {
  /**
   * The entity is an update fragment (a stream measure carrying some attributes): `required` is
   * not checked. Everything present is still checked.
   */
  partial?: boolean;
}

/** Members of an entity that are not attributes. */
const ENTITY_MEMBERS = new Set(['id', 'type', '@context', 'scope']);
const GEOMETRY_NAMES: ReadonlySet<string> = new Set(GEOMETRY_TYPES);
/** RFC 3339 date-time, as NGSI-LD's observedAt requires (ETSI GS CIM 009 §4.8). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const anchored = new WeakMap<EntityContract, RegExp>();

/**
 * Check an entity (normalized NGSI-LD form) against its type's data contract, and return every
 * problem at once, each naming the entity id, the attribute and the rule:
 * `urn:ngsi-ld:WeatherObserved:ws-1 temperature: unitCode must be "CEL", got "FAH"`.
 * An empty list means the entity may be written. The id pattern is anchored (the whole id must
 * match); attributes not in the contract are refused unless it allows others.
 *
 * @example
 * const problems = validateEntity(entity, contract, { partial: true });
 * if (problems.length > 0) log.warn({ problems }, 'entity refused');
 */
export function validateEntity(
  entity: EntityBody,
  contract: EntityContract,
  options: ValidateOptions = {},
): string[] {
  const id = typeof entity.id === 'string' ? entity.id : '<no id>';
  const problems: string[] = [];
  const say = (attribute: string | undefined, rule: string) =>
    problems.push(attribute === undefined ? `${id}: ${rule}` : `${id} ${attribute}: ${rule}`);

  if (typeof entity.id !== 'string' || entity.id === '') say(undefined, 'id must be a string');
  else if (!idPattern(contract).test(entity.id)) {
    say(undefined, `id must match /${contract.idPattern}/`);
  }
  const types = Array.isArray(entity.type) ? entity.type : [entity.type];
  if (!types.includes(contract.type)) {
    say(undefined, `type must be "${contract.type}", got ${describe(entity.type)}`);
  }

  const byName = new Map(contract.attributes.map((attribute) => [attribute.name, attribute]));
  for (const [name, value] of Object.entries(entity)) {
    if (ENTITY_MEMBERS.has(name)) continue;
    const rule = byName.get(name);
    if (rule === undefined) {
      if (!contract.allowOtherAttributes) say(name, `is not in the ${contract.type} contract`);
      continue;
    }
    // A multi-attribute (several instances told apart by datasetId) is an array of instances.
    const instances = Array.isArray(value) ? value : [value];
    for (const instance of instances) checkInstance(instance, rule, (r) => say(name, r));
  }
  if (!options.partial) {
    for (const rule of contract.attributes) {
      if (rule.required && !(rule.name in entity)) say(rule.name, 'is required');
    }
  }
  return problems;
}

/**
 * The contract's id pattern, anchored so it must match the whole id.
 * @example idPattern({ idPattern: 'urn:ngsi-ld:X:.+' }).test('urn:ngsi-ld:X:1') // true
 */
export function idPattern(contract: Pick<EntityContract, 'idPattern'> & object): RegExp {
  const cached = anchored.get(contract as EntityContract);
  if (cached) return cached;
  const pattern = new RegExp(`^(?:${contract.idPattern})$`);
  anchored.set(contract as EntityContract, pattern);
  return pattern;
}

function checkInstance(instance: unknown, rule: AttributeContract, say: (rule: string) => void) {
  if (!isObject(instance)) {
    say(`must be a normalized ${rule.kind} object, got ${describe(instance)}`);
    return;
  }
  if (instance.type !== rule.kind) {
    say(`type must be "${rule.kind}", got ${describe(instance.type)}`);
    return;
  }
  if ('observedAt' in instance && !isDateTime(instance.observedAt)) {
    say(`observedAt must be an ISO 8601 date-time, got ${describe(instance.observedAt)}`);
  }
  if (rule.unitCode !== undefined && instance.unitCode !== rule.unitCode) {
    const got = instance.unitCode === undefined ? 'none' : describe(instance.unitCode);
    say(`unitCode must be "${rule.unitCode}", got ${got}`);
  }
  switch (rule.kind) {
    case 'Property':
      checkPropertyValue(instance, rule, say);
      break;
    case 'GeoProperty':
      checkGeometry(instance.value, rule, say);
      break;
    case 'Relationship':
      if (!isUriList(instance.object)) say('object must be a URI or a list of URIs');
      break;
    case 'LanguageProperty':
      if (!isObject(instance.languageMap)) say('languageMap must be an object');
      break;
    case 'VocabProperty':
      if (instance.vocab === undefined) say('vocab is missing');
      break;
    case 'JsonProperty':
      if (instance.json === undefined) say('json is missing');
      break;
    case 'ListProperty':
      if (!Array.isArray(instance.valueList)) say('valueList must be an array');
      break;
  }
}

function checkPropertyValue(
  instance: Record<string, unknown>,
  rule: AttributeContract,
  say: (rule: string) => void,
) {
  const { value } = instance;
  if (value === undefined || value === null) {
    say('value is missing');
    return;
  }
  if (rule.valueType !== undefined && !hasValueType(value, rule.valueType)) {
    say(`value must be ${article(rule.valueType)}, got ${describe(value)}`);
    return;
  }
  if (typeof value === 'number') {
    if (rule.minimum !== undefined && value < rule.minimum) {
      say(`value must be at least ${rule.minimum}, got ${value}`);
    }
    if (rule.maximum !== undefined && value > rule.maximum) {
      say(`value must be at most ${rule.maximum}, got ${value}`);
    }
  }
}

function checkGeometry(value: unknown, rule: AttributeContract, say: (rule: string) => void) {
  if (!isObject(value) || typeof value.type !== 'string' || !GEOMETRY_NAMES.has(value.type)) {
    say(`value must be a GeoJSON geometry, got ${describe(value)}`);
    return;
  }
  if (rule.geometry !== undefined && !rule.geometry.includes(value.type)) {
    say(`geometry must be one of ${rule.geometry.join(', ')}, got ${value.type}`);
    return;
  }
  const members = value.type === 'GeometryCollection' ? value.geometries : value.coordinates;
  if (!Array.isArray(members)) {
    const member = value.type === 'GeometryCollection' ? 'geometries' : 'coordinates';
    say(`${value.type} must have ${member} as an array`);
  }
}

function hasValueType(value: unknown, type: ValueType): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
  }
}

function isDateTime(value: unknown): boolean {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function isUriList(value: unknown): boolean {
  const items = Array.isArray(value) ? value : [value];
  return (
    items.length > 0 && items.every((item) => typeof item === 'string' && /^\S+:\S+$/.test(item))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function article(type: ValueType): string {
  return type === 'integer' || type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`;
}

/** A short rendering of a bad value for a message: long values are cut. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
