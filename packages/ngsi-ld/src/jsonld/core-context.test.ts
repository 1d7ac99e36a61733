import { describe, expect, it } from 'vitest';
import {
  CORE_CONTEXT_DOCUMENT,
  CORE_CONTEXT_URL,
  CORE_VOCAB,
  isCoreContextUrl,
} from './core-context.js';

describe('isCoreContextUrl', () => {
  it('accepts the unversioned core URL over https and http', () => {
    expect(isCoreContextUrl('https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld')).toBe(
      true,
    );
    expect(isCoreContextUrl('http://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld')).toBe(
      true,
    );
  });

  it('accepts every versioned core URL from v1.3 to v1.9', () => {
    for (const minor of [3, 4, 5, 6, 7, 8, 9]) {
      expect(
        isCoreContextUrl(`https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.${minor}.jsonld`),
      ).toBe(true);
    }
    expect(isCoreContextUrl(CORE_CONTEXT_URL)).toBe(true);
  });

  it('rejects other URLs, including near misses', () => {
    expect(
      isCoreContextUrl('https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.2.jsonld'),
    ).toBe(false);
    expect(isCoreContextUrl('https://example.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld')).toBe(
      false,
    );
    expect(
      isCoreContextUrl('https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld?x=1'),
    ).toBe(false);
  });
});

describe('CORE_CONTEXT_DOCUMENT', () => {
  const context = CORE_CONTEXT_DOCUMENT['@context'];

  it('holds the Annex B prefixes, keyword aliases and default vocabulary', () => {
    expect(context['ngsi-ld']).toBe('https://uri.etsi.org/ngsi-ld/');
    expect(context.geojson).toBe('https://purl.org/geojson/vocab#');
    expect(context.id).toBe('@id');
    expect(context.type).toBe('@type');
    expect(context['@vocab']).toBe(CORE_VOCAB);
  });

  it('keeps the ngsildproof term without its remote scoped context', () => {
    expect(context.ngsildproof).toEqual({ '@id': 'ngsi-ld:ngsildproof' });
  });

  it('cannot be mutated by accident', () => {
    expect(Object.isFrozen(context)).toBe(true);
    expect(Object.isFrozen(context.createdAt)).toBe(true);
  });
});
