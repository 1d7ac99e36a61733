import { describe, expect, it } from 'vitest';
import { endsWithGenDelim, hasIriForm, isAbsoluteIri } from './iri.js';

describe('isAbsoluteIri', () => {
  it('accepts scheme://… and URNs in any case', () => {
    expect(isAbsoluteIri('https://schema.org/name')).toBe(true);
    expect(isAbsoluteIri('coap+tcp://device/1')).toBe(true);
    expect(isAbsoluteIri('urn:ngsi-ld:Vehicle:A4567')).toBe(true);
    expect(isAbsoluteIri('URN:x:y')).toBe(true);
  });

  it('rejects terms, compact IRIs and malformed schemes', () => {
    expect(isAbsoluteIri('temperature')).toBe(false);
    expect(isAbsoluteIri('schema:name')).toBe(false);
    expect(isAbsoluteIri('1http://x')).toBe(false);
    expect(isAbsoluteIri('://x')).toBe(false);
    expect(isAbsoluteIri('urn:')).toBe(false);
  });
});

describe('hasIriForm', () => {
  it('accepts anything with a scheme and a colon, and blank nodes', () => {
    expect(hasIriForm('mailto:someone@example.org')).toBe(true);
    expect(hasIriForm('_:b0')).toBe(true);
    expect(hasIriForm('relative/path')).toBe(false);
  });
});

describe('endsWithGenDelim', () => {
  it('is true for IRIs ending in / or #', () => {
    expect(endsWithGenDelim('https://schema.org/')).toBe(true);
    expect(endsWithGenDelim('https://purl.org/geojson/vocab#')).toBe(true);
    expect(endsWithGenDelim('https://example.org/ns')).toBe(false);
  });
});
