// RFC 3986 §3.1: a scheme is a letter followed by letters, digits, '+', '-' or '.'.
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
// Characters RFC 3986 / RFC 3987 never allow unescaped anywhere in a URI or IRI.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\s\u0000-\u001f\u007f-\u009f<>"{}|\\^`]/u;

/**
 * Whether a value is an absolute URI (or IRI): a scheme, a colon, then at least one character,
 * with no whitespace, control characters or `< > " { } | \ ^` and backtick. Used for entity ids,
 * relationship objects and datasetIds (ETSI GS CIM 009 v1.8.1 §4.6.3, IETF RFC 3986 / RFC 3987).
 * Relative references are not URIs here: NGSI-LD needs ids that stand on their own.
 * @example isUri('urn:ngsi-ld:Building:1') // true
 * @example isUri('Building 1') // false
 */
export function isUri(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const scheme = SCHEME.exec(value);
  return scheme !== null && value.length > scheme[0].length && !FORBIDDEN.test(value);
}
