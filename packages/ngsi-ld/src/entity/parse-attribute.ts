import type { Problem } from '../errors/ngsi-ld-error.js';
import type { ActiveContext } from '../jsonld/types.js';
import { isValidAttributeName } from '../query/index.js';
import { isDateTime, isUri, normalizeDateTime, parseGeometry } from '../values/index.js';
import { isGeometryTyped } from '../values/geometry-shape.js';
import { inferAttributeType } from './infer-attribute-type.js';
import {
  ATTRIBUTE_TYPES,
  NGSI_LD_NULL,
  VALUE_MEMBER,
  type AttributeType,
  type FragmentInstance,
  type JsonValue,
} from './types.js';

/** How NGSI-LD Nulls are treated: forbidden (create/replace) or deletion markers (update/merge). */
export interface AttributeParseOptions {
  context: ActiveContext;
  allowNull: boolean;
  /**
   * The body is an Attribute Fragment of a Partial Attribute update (§5.6.4, §5.5.8): only the
   * members given change, so no value member is required and an untyped object without one lists
   * members to patch (observedAt, unitCode, sub-attributes) instead of being a concise JSON value.
   * Applies to the top-level instance only.
   */
  partial?: boolean;
}

const SYSTEM_MEMBERS = new Set(['createdAt', 'modifiedAt', 'deletedAt', 'instanceId']);
const VALUE_MEMBERS: Record<string, AttributeType[]> = {
  value: ['Property', 'GeoProperty'],
  object: ['Relationship'],
  objectType: ['Relationship', 'ListRelationship'],
  languageMap: ['LanguageProperty'],
  valueList: ['ListProperty'],
  objectList: ['ListRelationship'],
  json: ['JsonProperty'],
  vocab: ['VocabProperty'],
};
const LANGUAGE_TAG = /^(?:@none|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/;

/**
 * Parse one attribute instance of a request body (normalized or concise, §4.5) into stored form.
 * `field` is the path used in problems, e.g. "temperature" or "temperature[1]".
 * ETSI GS CIM 009 v1.8.1 §4.5 (attribute representations), §5.5.4 (validation).
 * @example parseAttributeInstance({ value: 21, unitCode: 'CEL' }, 'temperature', { context, allowNull: false }, problems)
 */
export function parseAttributeInstance(
  raw: unknown,
  field: string,
  options: AttributeParseOptions,
  problems: Problem[],
): FragmentInstance | undefined {
  if (raw === null) {
    problems.push({ field, message: `must not be null (use "${NGSI_LD_NULL}" to delete)` });
    return undefined;
  }
  if (raw === NGSI_LD_NULL) return nullInstance(field, options, problems);
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { type: 'Property', value: raw as JsonValue, inferred: true };
  }
  const input = raw as Record<string, unknown>;
  const declared = input.type ?? input['@type'];
  if (isGeometryTyped(input)) return parseBareGeometry(input, field, problems);
  let type: AttributeType;
  if (declared === undefined) {
    type = inferAttributeType(input);
    if (type === 'GeoProperty' && !('value' in input))
      return parseBareGeometry(input, field, problems);
    if (type === 'Property' && !hasValueMember(input) && !options.partial) {
      return { type, value: input as JsonValue, inferred: true };
    }
  } else if (typeof declared === 'string' && isAttributeType(declared)) {
    type = declared;
  } else {
    problems.push({
      field: `${field}.type`,
      message: `must be one of ${ATTRIBUTE_TYPES.join(', ')} (got ${JSON.stringify(declared)})`,
    });
    return undefined;
  }
  if (isNullMarker(input, type)) return nullInstance(field, options, problems, input);

  const before = problems.length;
  const instance: FragmentInstance = declared === undefined ? { type, inferred: true } : { type };
  const memberOptions = options.partial ? { ...options, partial: false } : options;
  for (const [key, member] of Object.entries(input)) {
    if (key === 'type' || key === '@type' || SYSTEM_MEMBERS.has(key)) continue;
    const memberField = `${field}.${key}`;
    const owners = VALUE_MEMBERS[key];
    if (owners) {
      if (!owners.includes(type))
        problems.push({ field: memberField, message: `is not allowed in a ${type}` });
      else parseValueMember(instance, key, member, memberField, memberOptions, problems);
    } else if (key === 'datasetId') {
      if (typeof member === 'string' && isUri(member)) instance.datasetId = member;
      else problems.push({ field: memberField, message: 'must be a URI' });
    } else if (member === NGSI_LD_NULL && (key === 'observedAt' || key === 'unitCode')) {
      // Deletes that member in a partial update or merge; meaningless where nothing is deleted.
      if (options.allowNull) instance[key] = NGSI_LD_NULL;
      else
        problems.push({
          field: memberField,
          message: `"${NGSI_LD_NULL}" (NGSI-LD Null) is only allowed in updates and merges`,
        });
    } else if (key === 'observedAt') {
      if (typeof member === 'string' && isDateTime(member))
        instance.observedAt = normalizeDateTime(member);
      else
        problems.push({
          field: memberField,
          message: 'must be an ISO 8601 date-time, e.g. 2024-05-01T10:00:00Z',
        });
    } else if (key === 'unitCode') {
      if (typeof member === 'string' && member.length > 0) instance.unitCode = member;
      else
        problems.push({
          field: memberField,
          message: 'must be a non-empty string (a UN/CEFACT unit code)',
        });
    } else if (key === 'lang') {
      continue; // output-only member of a LanguageProperty rendered with a language filter (§4.15)
    } else {
      parseSubAttribute(instance, key, member, memberField, memberOptions, problems);
    }
  }
  if (!options.partial) requireValueMember(instance, field, problems);
  return problems.length === before ? instance : undefined;
}

function parseValueMember(
  instance: FragmentInstance,
  key: string,
  member: unknown,
  field: string,
  options: AttributeParseOptions,
  problems: Problem[],
): void {
  switch (key) {
    case 'value':
      if (member === null || member === undefined) {
        problems.push({ field, message: `must not be null (use "${NGSI_LD_NULL}" to delete)` });
      } else if (instance.type === 'GeoProperty') {
        const geometry = parseGeometry(member, field);
        if (geometry.ok) instance.value = geometry.value as unknown as JsonValue;
        else problems.push(...geometry.problems);
      } else {
        instance.value = member as JsonValue;
      }
      return;
    case 'object': {
      const uris = uriList(member);
      if (uris && uris.length > 0) instance.object = typeof member === 'string' ? member : uris;
      else problems.push({ field, message: 'must be a URI or a non-empty array of URIs' });
      return;
    }
    case 'objectType': {
      const names = stringList(member);
      if (names) {
        const expanded = names.map((name) => options.context.expandVocabValue(name));
        instance.objectType = typeof member === 'string' ? expanded[0] : expanded;
      } else problems.push({ field, message: 'must be a type name or an array of type names' });
      return;
    }
    case 'languageMap':
      parseLanguageMap(instance, member, field, problems);
      return;
    case 'valueList':
      if (Array.isArray(member)) instance.valueList = member as JsonValue[];
      else problems.push({ field, message: 'must be an array' });
      return;
    case 'objectList': {
      const uris = Array.isArray(member) ? member.map(listRelationshipTarget) : undefined;
      if (uris && uris.every((u): u is string => u !== undefined)) instance.objectList = uris;
      else
        problems.push({ field, message: 'must be an array of URIs or of { "object": URI } items' });
      return;
    }
    case 'json':
      if (member === undefined || member === null)
        problems.push({ field, message: 'must be a JSON value' });
      else instance.json = member as JsonValue;
      return;
    case 'vocab': {
      const names = stringList(member);
      if (names && names.length > 0) {
        const expanded = names.map((name) => options.context.expandVocabValue(name));
        instance.vocab = typeof member === 'string' ? expanded[0] : expanded;
      } else problems.push({ field, message: 'must be a term or an array of terms' });
      return;
    }
  }
}

function parseSubAttribute(
  instance: FragmentInstance,
  key: string,
  member: unknown,
  field: string,
  options: AttributeParseOptions,
  problems: Problem[],
): void {
  if (!isValidAttributeName(key)) {
    problems.push({ field, message: 'is not a valid sub-attribute name' });
    return;
  }
  if (
    Array.isArray(member) &&
    member.some((item) => typeof item === 'object' && item !== null && 'type' in item)
  ) {
    problems.push({ field, message: 'must be a single sub-attribute, not a list of instances' });
    return;
  }
  const sub = parseAttributeInstance(member, field, options, problems);
  if (sub) (instance.sub ??= {})[options.context.expandTerm(key)] = sub;
}

function parseLanguageMap(
  instance: FragmentInstance,
  member: unknown,
  field: string,
  problems: Problem[],
): void {
  if (typeof member !== 'object' || member === null || Array.isArray(member)) {
    problems.push({ field, message: 'must be an object mapping language tags to strings' });
    return;
  }
  const map: Record<string, string | string[]> = {};
  for (const [tag, text] of Object.entries(member as Record<string, unknown>)) {
    if (!LANGUAGE_TAG.test(tag))
      problems.push({ field: `${field}.${tag}`, message: 'is not a BCP 47 language tag' });
    else if (typeof text === 'string') map[tag] = text;
    else if (Array.isArray(text) && text.every((t) => typeof t === 'string')) map[tag] = text;
    else
      problems.push({
        field: `${field}.${tag}`,
        message: 'must be a string or an array of strings',
      });
  }
  instance.languageMap = map;
}

function parseBareGeometry(
  input: Record<string, unknown>,
  field: string,
  problems: Problem[],
): FragmentInstance | undefined {
  const geometry = parseGeometry(input, field);
  if (geometry.ok)
    return { type: 'GeoProperty', value: geometry.value as unknown as JsonValue, inferred: true };
  problems.push(...geometry.problems);
  return undefined;
}

function requireValueMember(instance: FragmentInstance, field: string, problems: Problem[]): void {
  const member = VALUE_MEMBER[instance.type];
  if (instance[member] === undefined && !problems.some((p) => p.field === `${field}.${member}`)) {
    problems.push({ field, message: `a ${instance.type} needs a '${member}' member` });
  }
}

function nullInstance(
  field: string,
  options: AttributeParseOptions,
  problems: Problem[],
  input?: Record<string, unknown>,
): FragmentInstance | undefined {
  if (!options.allowNull) {
    problems.push({
      field,
      message: `"${NGSI_LD_NULL}" (NGSI-LD Null) is only allowed in updates and merges`,
    });
    return undefined;
  }
  const marker: FragmentInstance = { type: 'Property', deleted: true };
  const datasetId = input?.datasetId;
  if (typeof datasetId === 'string' && isUri(datasetId)) marker.datasetId = datasetId;
  return marker;
}

/** An NGSI-LD Null in the value member of a typed attribute (§4.5.x, NGSI-LD Null). */
function isNullMarker(input: Record<string, unknown>, type: AttributeType): boolean {
  const valueOf = {
    value: input.value,
    object: input.object,
    json: input.json,
    vocab: input.vocab,
  };
  if (Object.values(valueOf).some((v) => v === NGSI_LD_NULL)) return true;
  if (type === 'LanguageProperty') {
    const map = input.languageMap as Record<string, unknown> | undefined;
    return map?.['@none'] === NGSI_LD_NULL;
  }
  if (type === 'ListProperty' || type === 'ListRelationship') {
    const list = (input.valueList ?? input.objectList) as unknown[] | undefined;
    return Array.isArray(list) && list.length === 1 && list[0] === NGSI_LD_NULL;
  }
  return false;
}

function hasValueMember(input: Record<string, unknown>): boolean {
  return Object.keys(VALUE_MEMBERS).some((key) => key in input && key !== 'objectType');
}

function isAttributeType(value: string): value is AttributeType {
  return (ATTRIBUTE_TYPES as readonly string[]).includes(value);
}

function uriList(value: unknown): string[] | undefined {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  return list?.every((v): v is string => typeof v === 'string' && isUri(v)) ? list : undefined;
}

function stringList(value: unknown): string[] | undefined {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  return list?.every((v): v is string => typeof v === 'string' && v.length > 0) ? list : undefined;
}

function listRelationshipTarget(item: unknown): string | undefined {
  if (typeof item === 'string') return isUri(item) ? item : undefined;
  if (typeof item === 'object' && item !== null) {
    const object = (item as Record<string, unknown>).object;
    return typeof object === 'string' && isUri(object) ? object : undefined;
  }
  return undefined;
}
