import { isUri } from '../values/is-uri.js';

// ETSI GS CIM 009 v1.8.1 §4.6.2: a letter, then letters, digits or '_' (Unicode categories L, N).
const TERM = /^\p{L}[\p{L}\p{N}_]*$/u;
// In IRIs used as names: characters with a meaning in q, attrs or type selections (; | , ( ) [ ]
// = ! ~ < > { }), quotes, and whatever RFC 3986 never allows unescaped.
const RESERVED = /[\s\p{Cc}<>"'=;()[\]{}|!~,\\^`]/u;

/**
 * Whether a text is a valid attribute (or entity type) name: a term as §4.6.2 defines it
 * (`temperature`, `température_2`), a compact IRI (`schema:name`) or an absolute IRI
 * (`https://schema.org/name`, `urn:ngsi-ld:x`). IRIs may not contain the characters that
 * delimit q, attrs and type selections: `; | , ( ) [ ] { } = ! ~ < >`, quotes or whitespace.
 * ETSI GS CIM 009 v1.8.1 §4.6.2 (Supported names).
 * @example isValidAttributeName('schema:name') // true
 * @example isValidAttributeName('air-quality') // false: '-' is not allowed in a term
 */
export function isValidAttributeName(name: string): boolean {
  return TERM.test(name) || (isUri(name) && !RESERVED.test(name));
}
