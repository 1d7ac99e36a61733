import { describe, expect, it } from 'vitest';
import { getCoreContext } from './core-active-context.js';
import { CORE_CONTEXT_URL } from './core-context.js';

const DEFAULT = 'https://uri.etsi.org/ngsi-ld/default-context/';
const NGSI_LD = 'https://uri.etsi.org/ngsi-ld/';

describe('the core-only context', () => {
  const context = getCoreContext();

  it('expands an unknown name with the default vocabulary and compacts it back', () => {
    expect(context.expandTerm('temperature')).toBe(`${DEFAULT}temperature`);
    expect(context.compactIri(`${DEFAULT}temperature`)).toBe('temperature');
  });

  it('expands core terms to their NGSI-LD IRIs and compacts them back', () => {
    expect(context.expandTerm('location')).toBe(`${NGSI_LD}location`);
    expect(context.compactIri(`${NGSI_LD}location`)).toBe('location');
    expect(context.expandTerm('observationSpace')).toBe(`${NGSI_LD}observationSpace`);
  });

  it('leaves "name" to the default vocabulary, since the core does not define it', () => {
    expect(context.expandTerm('name')).toBe(`${DEFAULT}name`);
  });

  it('maps description and title to Dublin Core, as Annex B does', () => {
    expect(context.expandTerm('description')).toBe('http://purl.org/dc/terms/description');
    expect(context.compactIri('http://purl.org/dc/terms/title')).toBe('title');
  });

  it('resolves the relative core terms against the default vocabulary', () => {
    expect(context.expandTerm('attributeCount')).toBe(`${DEFAULT}attributeCount`);
  });

  it('expands compact IRIs with a core prefix', () => {
    expect(context.expandTerm('ngsi-ld:foo')).toBe(`${NGSI_LD}foo`);
    expect(context.expandTerm('geojson:Point')).toBe('https://purl.org/geojson/vocab#Point');
  });

  it('compacts an IRI under a core prefix to a compact IRI', () => {
    expect(context.compactIri(`${NGSI_LD}somethingElse`)).toBe('ngsi-ld:somethingElse');
  });

  it('keeps absolute IRIs and URNs as they are', () => {
    expect(context.expandTerm('https://schema.org/name')).toBe('https://schema.org/name');
    expect(context.expandTerm('urn:ngsi-ld:Thing:1')).toBe('urn:ngsi-ld:Thing:1');
    expect(context.compactIri('https://schema.org/name')).toBe('https://schema.org/name');
  });

  it('expands a colon name whose prefix is not a term with the default vocabulary', () => {
    expect(context.expandTerm('foo:bar')).toBe(`${DEFAULT}foo:bar`);
    expect(context.compactIri(`${DEFAULT}foo:bar`)).toBe('foo:bar');
  });

  it('does not compact to a vocabulary remainder that is a term meaning something else', () => {
    // "location" is a core term for ngsi-ld:location, so default-context/location must stay an IRI.
    expect(context.compactIri(`${DEFAULT}location`)).toBe(`ngsi-ld:default-context/location`);
    expect(context.expandTerm('ngsi-ld:default-context/location')).toBe(`${DEFAULT}location`);
  });

  it('treats vocab values like terms', () => {
    expect(context.expandVocabValue('Male')).toBe(`${DEFAULT}Male`);
    expect(context.compactVocabValue(`${NGSI_LD}Property`)).toBe('Property');
  });

  it('describes itself as core-only with the core URL as link and definition', () => {
    expect(context.isCoreOnly).toBe(true);
    expect(context.linkUrl).toBe(CORE_CONTEXT_URL);
    expect(context.definition).toBe(CORE_CONTEXT_URL);
  });

  it('gives the same answer from its memo as on the first call', () => {
    const first = context.expandTerm('humidity');
    expect(context.expandTerm('humidity')).toBe(first);
    expect(context.compactIri(first)).toBe('humidity');
    expect(context.compactIri(first)).toBe('humidity');
  });

  it('is one shared instance', () => {
    expect(getCoreContext()).toBe(context);
  });
});
