import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../entity/types.js';
import { applyContextObject } from './apply-context-object.js';
import { emptyContextState, type ContextState } from './term-definition.js';

const FALLBACK = 'https://uri.etsi.org/ngsi-ld/default-context/';

function apply(...contexts: JsonObject[]): ContextState {
  const state = emptyContextState();
  for (const context of contexts)
    applyContextObject(state, context, { fallbackVocab: FALLBACK, source: '' });
  return state;
}

describe('applyContextObject', () => {
  it('defines terms whose prefix is defined later in the same object', () => {
    const { terms } = apply({ name: 'schema:name', schema: 'https://schema.org/' });
    expect(terms.get('name')?.iri).toBe('https://schema.org/name');
  });

  it('keeps the type mapping and container of expanded definitions', () => {
    const { terms } = apply({
      ex: 'https://example.org/',
      refDevice: { '@id': 'ex:refDevice', '@type': '@id' },
      category: { '@id': 'ex:category', '@type': '@vocab', '@container': '@set' },
      measuredAt: { '@id': 'ex:measuredAt', '@type': 'ex:DateTime' },
    });
    expect(terms.get('refDevice')).toEqual({
      iri: 'https://example.org/refDevice',
      typeMapping: '@id',
      isPrefix: false,
    });
    expect(terms.get('category')?.container).toEqual(['@set']);
    expect(terms.get('measuredAt')?.typeMapping).toBe('https://example.org/DateTime');
  });

  it('lets only simple terms ending in a gen-delim serve as prefixes, unless @prefix says so', () => {
    const { terms } = apply({
      schema: 'https://schema.org/',
      WeatherObserved: 'https://smartdatamodels.org/dataModel.Weather/WeatherObserved',
      ex: { '@id': 'https://example.org/ns', '@prefix': true },
    });
    expect(terms.get('schema')?.isPrefix).toBe(true);
    expect(terms.get('WeatherObserved')?.isPrefix).toBe(false);
    expect(terms.get('ex')?.isPrefix).toBe(true);
  });

  it('expands a term without @id through the vocabulary in effect', () => {
    const { terms } = apply({
      '@vocab': 'https://example.org/',
      speed: { '@type': 'https://example.org/kmh' },
    });
    expect(terms.get('speed')?.iri).toBe('https://example.org/speed');
  });

  it('treats an @id equal to the term as no @id, as the core does for attributeCount', () => {
    const { terms } = apply({ attributeCount: 'attributeCount' });
    expect(terms.get('attributeCount')?.iri).toBe(`${FALLBACK}attributeCount`);
  });

  it('accepts keyword aliases', () => {
    expect(apply({ identifier: '@id' }).terms.get('identifier')?.iri).toBe('@id');
  });

  it('removes a term defined as null so that it expands through @vocab again', () => {
    const state = apply({ speed: 'https://example.org/speed' }, { speed: null });
    expect(state.terms.has('speed')).toBe(false);
  });

  it('resets @vocab with null', () => {
    expect(apply({ '@vocab': 'https://example.org/' }, { '@vocab': null }).vocab).toBeUndefined();
  });

  it('expands @vocab given as a compact IRI', () => {
    expect(apply({ schema: 'https://schema.org/' }, { '@vocab': 'schema:' }).vocab).toBe(
      'https://schema.org/',
    );
  });

  it('rejects an @type that is neither a keyword nor an IRI', () => {
    expect(() =>
      apply({ '@vocab': null, speed: { '@id': 'https://example.org/speed', '@type': 7 } }),
    ).toThrow("@context member 'speed' is invalid: has an '@type' that is not a string");
  });

  it('rejects an unknown container', () => {
    expect(() =>
      apply({ speed: { '@id': 'https://example.org/speed', '@container': '@bag' } }),
    ).toThrow("has an '@container'");
  });

  it('rejects @reverse', () => {
    expect(() => apply({ parentOf: { '@reverse': 'https://example.org/childOf' } })).toThrow(
      '@reverse',
    );
  });
});
