/** JSON-LD keywords a context may map a term to (JSON-LD 1.1 §1.7); others starting with "@" are not. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  '@base',
  '@container',
  '@context',
  '@direction',
  '@graph',
  '@id',
  '@import',
  '@included',
  '@index',
  '@json',
  '@language',
  '@list',
  '@nest',
  '@none',
  '@prefix',
  '@propagate',
  '@protected',
  '@reverse',
  '@set',
  '@type',
  '@value',
  '@version',
  '@vocab',
]);

/** Characters that end an IRI a term may be used as a prefix for (RFC 3987 gen-delims). */
const GEN_DELIMS = ':/?#[]@';

/**
 * True for an absolute IRI as NGSI-LD names are written: a URI scheme followed by "://", or a URN.
 * Written as a character scan because it runs on the hot path of term expansion.
 * @example isAbsoluteIri('https://schema.org/name') // true
 * @example isAbsoluteIri('schema:name') // false (a compact IRI, or a term to expand with @vocab)
 */
export function isAbsoluteIri(value: string): boolean {
  if (
    value.length > 4 &&
    value.charCodeAt(3) === 58 /* : */ &&
    value.slice(0, 3).toLowerCase() === 'urn'
  ) {
    return true;
  }
  const colon = value.indexOf('://');
  return colon > 0 && isScheme(value, colon);
}

/**
 * True when the string has the form of an IRI for JSON-LD context processing: a scheme and a colon
 * (absolute IRI, URN, "mailto:…") or a blank node identifier ("_:b0").
 * @example hasIriForm('urn:ngsi-ld:Vehicle:1') // true
 */
export function hasIriForm(value: string): boolean {
  const colon = value.indexOf(':');
  return colon > 0 && (isScheme(value, colon) || value.startsWith('_:'));
}

/**
 * True when an IRI ends with a gen-delim, so that a simple term mapped to it may serve as a prefix
 * in compact IRIs (JSON-LD 1.1 "prefix flag").
 * @example endsWithGenDelim('https://schema.org/') // true
 */
export function endsWithGenDelim(iri: string): boolean {
  return iri.length > 0 && GEN_DELIMS.includes(iri.charAt(iri.length - 1));
}

/** scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), for value[0..end). */
function isScheme(value: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const code = value.charCodeAt(i) | 0x20; // fold ASCII letters to lower case
    const isLetter = code >= 97 && code <= 122;
    if (i === 0 ? !isLetter : !isLetter && !isSchemeSymbol(value.charCodeAt(i))) return false;
  }
  return true;
}

function isSchemeSymbol(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46; // 0-9 + - .
}
