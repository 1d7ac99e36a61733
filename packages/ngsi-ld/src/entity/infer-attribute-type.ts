import { isGeometryTyped } from '../values/geometry-shape.js';
import type { AttributeType } from './types.js';

/**
 * The attribute type of an untyped (concise) attribute object, from the member it carries
 * (ETSI GS CIM 009 v1.8.1 §4.5.x, concise representation). A value whose `type` names a GeoJSON
 * geometry makes a GeoProperty (parseGeometry then checks it and names what is wrong).
 * @example inferAttributeType({ object: 'urn:ngsi-ld:Building:1' }) // 'Relationship'
 */
export function inferAttributeType(input: Record<string, unknown>): AttributeType {
  if ('object' in input) return 'Relationship';
  if ('languageMap' in input) return 'LanguageProperty';
  if ('valueList' in input) return 'ListProperty';
  if ('objectList' in input) return 'ListRelationship';
  if ('json' in input) return 'JsonProperty';
  if ('vocab' in input) return 'VocabProperty';
  if ('value' in input) return isGeometryTyped(input.value) ? 'GeoProperty' : 'Property';
  return isGeometryTyped(input) ? 'GeoProperty' : 'Property';
}
