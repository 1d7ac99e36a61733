import type { AttributeInstance, JsonValue } from '../entity/types.js';
import { instanceValue } from './instance-value.js';
import type { Renderer } from './renderer.js';

/**
 * One instance in simplified (keyValues) representation (ETSI GS CIM 009 §4.5.4): the value of a
 * Property, GeoProperty or ListProperty, the object(s) of a Relationship or ListRelationship, and
 * { languageMap }, { json } or { vocab } for the types whose value would otherwise be mistaken for
 * a plain one. Under a language filter a LanguageProperty gives the chosen string. Sub-attributes
 * are dropped: the representation is lossy by design.
 * @example simplifiedValue({ type: 'JsonProperty', json: { a: 1 } }, renderer) // { json: { a: 1 } }
 */
export function simplifiedValue(instance: AttributeInstance, renderer: Renderer): JsonValue {
  const shown = instanceValue(instance, renderer);
  switch (shown.member) {
    case 'languageMap':
      return { languageMap: shown.value };
    case 'json':
      return { json: shown.value };
    case 'vocab':
      return { vocab: shown.value };
    default:
      return shown.value;
  }
}
