import type { AttributeInstance, AttributeType, JsonValue } from '../entity/types.js';
import { selectLanguage } from './language-filter.js';
import type { Renderer } from './renderer.js';

/** The value of an instance as a response shows it, whatever the representation. */
export interface InstanceValue {
  /** The type shown: a LanguageProperty under a language filter shows as a Property (§4.15). */
  type: AttributeType;
  /** The member holding the value: "value", "object", "languageMap", "valueList", … */
  member: 'value' | 'object' | 'languageMap' | 'valueList' | 'objectList' | 'json' | 'vocab';
  value: JsonValue;
  /** The language the filter picked, shown as the non-reified "lang" member (§4.15). */
  lang?: string;
}

/**
 * The value member of a stored instance, with vocab values compacted and the language filter
 * applied. Values themselves (value, json, valueList) are returned verbatim: keys inside them are
 * never expanded or compacted.
 * @example instanceValue({ type: 'Property', value: 21 }, renderer) // { type: 'Property', member: 'value', value: 21 }
 */
export function instanceValue(instance: AttributeInstance, renderer: Renderer): InstanceValue {
  const { type } = instance;
  switch (type) {
    case 'Property':
    case 'GeoProperty':
      return { type, member: 'value', value: instance.value ?? null };
    case 'Relationship':
      return { type, member: 'object', value: instance.object ?? null };
    case 'LanguageProperty':
      return languageValue(instance, renderer);
    case 'ListProperty':
      return { type, member: 'valueList', value: instance.valueList ?? [] };
    case 'ListRelationship':
      return { type, member: 'objectList', value: instance.objectList ?? [] };
    case 'JsonProperty':
      return { type, member: 'json', value: instance.json ?? null };
    case 'VocabProperty':
      return { type, member: 'vocab', value: compactVocab(instance.vocab, renderer) ?? null };
  }
}

/** Compact one vocab IRI or each of several (VocabProperty vocab, Relationship objectType). */
export function compactVocab(
  iris: string | string[] | undefined,
  renderer: Renderer,
): string | string[] | undefined {
  if (iris === undefined) return undefined;
  const { context } = renderer;
  return typeof iris === 'string'
    ? context.compactVocabValue(iris)
    : iris.map((iri) => context.compactVocabValue(iri));
}

function languageValue(instance: AttributeInstance, renderer: Renderer): InstanceValue {
  const languageMap = instance.languageMap ?? {};
  const tag = renderer.languages ? selectLanguage(languageMap, renderer.languages) : undefined;
  const text = tag === undefined ? undefined : languageMap[tag];
  if (tag === undefined || text === undefined) {
    return { type: 'LanguageProperty', member: 'languageMap', value: languageMap };
  }
  return { type: 'Property', member: 'value', value: text, lang: tag };
}
