import { describe, expect, it } from 'vitest';
import type { AttributeInstance } from '../entity/types.js';
import { formatAttribute } from './format-attribute.js';
import type { Representation } from './format-options.js';
import { DEFAULT, geoProperty, options, property, relationship } from './format.test-support.js';
import { createRenderer } from './renderer.js';

function format(
  instances: AttributeInstance | AttributeInstance[],
  representation: Representation,
  lang?: string,
) {
  const renderer = createRenderer(options({ representation, ...(lang ? { lang } : {}) }));
  return formatAttribute(Array.isArray(instances) ? instances : [instances], renderer);
}

const point = { type: 'Point', coordinates: [2.35, 48.85] };

describe('formatAttribute (concise)', () => {
  it('writes a Property with nothing but a value as the bare value', () => {
    expect(format(property(21), 'concise')).toBe(21);
    expect(format(property([1, 2]), 'concise')).toEqual([1, 2]);
    expect(format(property({ streetAddress: 'Calle Mayor 1' }), 'concise')).toEqual({
      streetAddress: 'Calle Mayor 1',
    });
  });

  it('keeps "value" and drops "type" once there is metadata', () => {
    expect(
      format(property(21, { unitCode: 'CEL', observedAt: '2024-05-01T10:00:00Z' }), 'concise'),
    ).toEqual({
      value: 21,
      observedAt: '2024-05-01T10:00:00Z',
      unitCode: 'CEL',
    });
  });

  it('keeps "value" when a bare object value would read as an attribute', () => {
    expect(format(property({ type: 'Tram', line: 2 }), 'concise')).toEqual({
      value: { type: 'Tram', line: 2 },
    });
    expect(format(property([{ value: 1 }]), 'concise')).toEqual({ value: [{ value: 1 }] });
  });

  it('keeps "type" for a Property whose value looks like a geometry', () => {
    expect(format(property(point), 'concise')).toEqual({ type: 'Property', value: point });
  });

  it('writes a GeoProperty as its geometry under "value", the type being inferred', () => {
    expect(format(geoProperty([2.35, 48.85]), 'concise')).toEqual({ value: point });
  });

  it('writes the other attribute types by their value member, without type', () => {
    expect(format(relationship('urn:ngsi-ld:Building:1'), 'concise')).toEqual({
      object: 'urn:ngsi-ld:Building:1',
    });
    expect(
      format({ type: 'ListRelationship', objectList: ['urn:a:1', 'urn:a:2'] }, 'concise'),
    ).toEqual({
      objectList: ['urn:a:1', 'urn:a:2'],
    });
    expect(format({ type: 'ListProperty', valueList: [1, 2] }, 'concise')).toEqual({
      valueList: [1, 2],
    });
    expect(format({ type: 'LanguageProperty', languageMap: { en: 'yes' } }, 'concise')).toEqual({
      languageMap: { en: 'yes' },
    });
    expect(format({ type: 'JsonProperty', json: { type: 'x' } }, 'concise')).toEqual({
      json: { type: 'x' },
    });
    expect(format({ type: 'VocabProperty', vocab: `${DEFAULT}Male` }, 'concise')).toEqual({
      vocab: 'Male',
    });
  });

  it('renders sub-attributes concisely too', () => {
    const speed = property(80, { sub: { [`${DEFAULT}accuracy`]: property(0.9) } });
    expect(format(speed, 'concise')).toEqual({ value: 80, accuracy: 0.9 });
  });

  it('writes every instance of a multi-attribute as an object', () => {
    const instances = [property(80), property(79, { datasetId: 'urn:ngsi-ld:Dataset:gps' })];
    expect(format(instances, 'concise')).toEqual([
      { value: 80 },
      { value: 79, datasetId: 'urn:ngsi-ld:Dataset:gps' },
    ]);
  });

  it('keeps the lang member of a filtered LanguageProperty', () => {
    const street = {
      type: 'LanguageProperty',
      languageMap: { fr: 'Grand Place', nl: 'Grote Markt' },
    } as const;
    expect(format(street, 'concise', 'fr')).toEqual({ value: 'Grand Place', lang: 'fr' });
  });
});

describe('formatAttribute (keyValues)', () => {
  it('gives the value, object or list of each type', () => {
    expect(format(property(21, { unitCode: 'CEL' }), 'keyValues')).toBe(21);
    expect(format(geoProperty([2.35, 48.85]), 'keyValues')).toEqual(point);
    expect(format(relationship('urn:ngsi-ld:Building:1'), 'keyValues')).toBe(
      'urn:ngsi-ld:Building:1',
    );
    expect(format({ type: 'ListProperty', valueList: ['First', 'Second'] }, 'keyValues')).toEqual([
      'First',
      'Second',
    ]);
    expect(format({ type: 'ListRelationship', objectList: ['urn:a:1'] }, 'keyValues')).toEqual([
      'urn:a:1',
    ]);
  });

  it('wraps the values of LanguageProperty, JsonProperty and VocabProperty as §4.5.4 does', () => {
    expect(
      format({ type: 'LanguageProperty', languageMap: { en: 'yes', fr: 'oui' } }, 'keyValues'),
    ).toEqual({
      languageMap: { en: 'yes', fr: 'oui' },
    });
    expect(format({ type: 'JsonProperty', json: { id: 'x' } }, 'keyValues')).toEqual({
      json: { id: 'x' },
    });
    expect(format({ type: 'VocabProperty', vocab: `${DEFAULT}Male` }, 'keyValues')).toEqual({
      vocab: 'Male',
    });
  });

  it('gives the chosen string of a LanguageProperty under a language filter', () => {
    expect(
      format(
        { type: 'LanguageProperty', languageMap: { en: 'yes', fr: 'oui' } },
        'keyValues',
        'fr',
      ),
    ).toBe('oui');
  });

  it('drops sub-attributes', () => {
    expect(
      format(property(80, { sub: { [`${DEFAULT}accuracy`]: property(0.9) } }), 'keyValues'),
    ).toBe(80);
  });

  it('maps the instances of a multi-attribute by datasetId, the default one as @none', () => {
    const instances = [
      property('David Robert Jones'),
      property('David Bowie', { datasetId: 'urn:ngsi-ld:datasetId:001' }),
    ];
    expect(format(instances, 'keyValues')).toEqual({
      dataset: { '@none': 'David Robert Jones', 'urn:ngsi-ld:datasetId:001': 'David Bowie' },
    });
  });
});

describe('formatAttribute (normalized)', () => {
  it('is a single object for one instance', () => {
    expect(format(property(21), 'normalized')).toEqual({ type: 'Property', value: 21 });
  });

  it('is nothing for an attribute without instances', () => {
    expect(format([], 'normalized')).toBeUndefined();
  });
});
