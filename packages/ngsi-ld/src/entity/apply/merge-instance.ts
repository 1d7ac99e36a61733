import { NgsiLdError } from '../../errors/ngsi-ld-error.js';
import {
  NGSI_LD_NULL,
  VALUE_MEMBER,
  type AttributeInstance,
  type FragmentInstance,
  type JsonObject,
} from '../types.js';
import { stampInstance } from './stamp.js';

const VALUE_MEMBERS = [
  'value',
  'object',
  'objectType',
  'languageMap',
  'valueList',
  'objectList',
  'json',
  'vocab',
] as const;

/**
 * Merge a fragment instance into an existing one, member by member (§5.5.12, RFC 7396 style):
 * JSON object values and language maps merge key by key, other members are replaced, NGSI-LD
 * Nulls delete, sub-attributes merge recursively. A concise fragment keeps the existing type.
 * @example mergeInstance(existing, { type: 'Property', value: 100, inferred: true }, now)
 */
export function mergeInstance(
  existing: AttributeInstance,
  patch: FragmentInstance,
  now: string,
): AttributeInstance {
  return combine(existing, patch, now, true);
}

/**
 * Partial update of one attribute instance (§5.6.4 with §5.5.8): members in the fragment replace
 * the existing ones, sub-attributes are replaced one by one, the type may not change.
 * @example partialUpdateInstance(existing, { type: 'Property', value: 100 }, now)
 */
export function partialUpdateInstance(
  existing: AttributeInstance,
  patch: FragmentInstance,
  now: string,
): AttributeInstance {
  if (!patch.inferred && patch.type !== existing.type) {
    throw new NgsiLdError(
      'BadRequestData',
      `Attribute type cannot change from ${existing.type} to ${patch.type} in a partial update`,
      { field: 'type' },
    );
  }
  return combine(existing, patch, now, false);
}

function combine(
  existing: AttributeInstance,
  patch: FragmentInstance,
  now: string,
  deep: boolean,
): AttributeInstance {
  // A concise patch keeps the existing type when it carries the same value member, or none at
  // all (an Attribute Fragment that only patches metadata or sub-attributes, §5.6.4).
  const hasValue = patch[VALUE_MEMBER[patch.type]] !== undefined;
  const keepType =
    patch.inferred === true &&
    (!hasValue || VALUE_MEMBER[existing.type] === VALUE_MEMBER[patch.type]);
  const type = keepType ? existing.type : patch.type;
  const result: AttributeInstance = { ...existing, type, modifiedAt: now };
  if (VALUE_MEMBER[type] !== VALUE_MEMBER[existing.type])
    delete result[VALUE_MEMBER[existing.type]];

  for (const member of VALUE_MEMBERS) {
    const incoming = patch[member];
    if (incoming === undefined) continue;
    const current = existing[member];
    (result as unknown as Record<string, unknown>)[member] =
      deep && isPlainObject(current) && isPlainObject(incoming)
        ? mergeJson(current, incoming)
        : incoming;
  }
  for (const member of ['observedAt', 'unitCode'] as const) {
    if (patch[member] === NGSI_LD_NULL) delete result[member];
    else if (patch[member] !== undefined) result[member] = patch[member];
  }
  if (patch.sub) {
    const subs: Record<string, AttributeInstance> = { ...existing.sub };
    for (const [name, subPatch] of Object.entries(patch.sub)) {
      const current = subs[name];
      if ((subPatch as FragmentInstance).deleted) delete subs[name];
      else if (current && deep) subs[name] = combine(current, subPatch, now, true);
      else subs[name] = stampInstance(subPatch, now, current);
    }
    if (Object.keys(subs).length > 0) result.sub = subs;
    else delete result.sub;
  }
  return result;
}

/** RFC 7396 merge of JSON objects, with NGSI-LD Null (and JSON null) deleting a key. */
export function mergeJson(target: JsonObject, patch: JsonObject): JsonObject {
  const merged: JsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === NGSI_LD_NULL || value === null) delete merged[key];
    else {
      const current = merged[key];
      merged[key] =
        isPlainObject(current) && isPlainObject(value) ? mergeJson(current, value) : value;
    }
  }
  return merged;
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
