import {
  INSTANCE_MEMBERS,
  type AttributeInstance,
  type JsonObject,
  type JsonValue,
} from '../entity/types.js';
import { isGeometryTyped } from '../values/geometry-shape.js';
import { compactVocab, instanceValue, type InstanceValue } from './instance-value.js';
import type { Renderer } from './renderer.js';

/** Keys that make a bare concise value read back as something else (a typed or concise attribute). */
const AMBIGUOUS_KEYS = [
  'type',
  '@type',
  'value',
  'object',
  'languageMap',
  'valueList',
  'objectList',
  'json',
  'vocab',
];

/**
 * One attribute instance (with its sub-attributes) in normalized or concise representation.
 * Normalized: type, value member, metadata (ETSI GS CIM 009 §4.5.2.2, §4.5.3.2, §4.5.18.2–§4.5.24.2).
 * Concise: type left out where the value member implies it, and a Property with nothing but its
 * value written as the bare value (§4.5.2.3, §4.5.3.3, …) — unless `asObject` (members of a
 * multi-instance array must be objects) or a bare value would read back as something else.
 * @example renderInstance({ type: 'Property', value: 21 }, conciseRenderer, { asObject: false }) // 21
 */
export function renderInstance(
  instance: AttributeInstance,
  renderer: Renderer,
  options: { asObject: boolean },
): JsonValue {
  const shown = instanceValue(instance, renderer);
  if (renderer.representation === 'normalized') {
    return withDetails(normalizedHead(shown), instance, renderer);
  }
  const isBare =
    !options.asObject &&
    shown.type === 'Property' &&
    shown.lang === undefined &&
    !hasDetails(instance, renderer) &&
    isBareSafe(shown.value);
  return isBare ? shown.value : withDetails(conciseHead(shown), instance, renderer);
}

function normalizedHead(shown: InstanceValue): JsonObject {
  const head: JsonObject = { type: shown.type };
  // A normalized ListRelationship lists objects holding "object" members (§4.5.22.2); stored form
  // and the concise form keep plain URIs.
  head[shown.member] =
    shown.member === 'objectList' && Array.isArray(shown.value)
      ? shown.value.map((object) => ({ object }))
      : shown.value;
  if (shown.lang !== undefined) head.lang = shown.lang;
  return head;
}

function conciseHead(shown: InstanceValue): JsonObject {
  const head: JsonObject = {};
  // The type can be left out only where a reader infers it back (§4.5.2.3): a geometry in "value"
  // reads as a GeoProperty, anything else in "value" as a Property.
  const isGeoValue = isGeometryTyped(shown.value);
  if ((shown.type === 'Property' && isGeoValue) || (shown.type === 'GeoProperty' && !isGeoValue)) {
    head.type = shown.type;
  }
  head[shown.member] = shown.value;
  if (shown.lang !== undefined) head.lang = shown.lang;
  return head;
}

/** Metadata, system attributes (with sysAttrs) and sub-attributes, in a fixed order. */
function withDetails(out: JsonObject, instance: AttributeInstance, renderer: Renderer): JsonObject {
  const objectType = compactVocab(instance.objectType, renderer);
  if (objectType !== undefined) out.objectType = objectType;
  if (instance.datasetId !== undefined) out.datasetId = instance.datasetId;
  if (instance.observedAt !== undefined) out.observedAt = instance.observedAt;
  if (instance.unitCode !== undefined) out.unitCode = instance.unitCode;
  if (renderer.sysAttrs) {
    if (instance.createdAt !== undefined) out.createdAt = instance.createdAt;
    if (instance.modifiedAt !== undefined) out.modifiedAt = instance.modifiedAt;
  }
  if (instance.sub) {
    const subs = Object.entries(instance.sub).map(
      ([iri, sub]) => [renderer.context.compactIri(iri), sub] as const,
    );
    subs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, sub] of subs) {
      // A sub-attribute never takes the place of a member of the instance itself.
      if (!INSTANCE_MEMBERS.has(name)) {
        out[name] = renderInstance(sub, renderer, { asObject: false });
      }
    }
  }
  return out;
}

/** A bare concise value must read back as a Property holding exactly this value. */
function isBareSafe(value: JsonValue): boolean {
  if (value === null) return false;
  if (Array.isArray(value)) return !value.some(isObjectWithAmbiguousKey);
  if (typeof value === 'object') return !isObjectWithAmbiguousKey(value);
  return value !== 'urn:ngsi-ld:null';
}

function isObjectWithAmbiguousKey(value: JsonValue): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    AMBIGUOUS_KEYS.some((key) => key in value)
  );
}

/** Whether withDetails would add anything (checked without building it: the hot path). */
function hasDetails(instance: AttributeInstance, renderer: Renderer): boolean {
  if (instance.objectType !== undefined || instance.datasetId !== undefined) return true;
  if (instance.observedAt !== undefined || instance.unitCode !== undefined) return true;
  const hasStamps = instance.createdAt !== undefined || instance.modifiedAt !== undefined;
  if (renderer.sysAttrs && hasStamps) return true;
  if (instance.sub) {
    for (const _ in instance.sub) return true;
  }
  return false;
}
