import { describe, expect, it } from 'vitest';
import { ContextProcessor } from '../jsonld/context-processor.js';
import { CORE_CONTEXT_URL } from '../jsonld/core-context.js';
import { formatEntity } from './format-entity.js';
import {
  DEFAULT,
  entity,
  geoProperty,
  LOCATION,
  NGSI_LD,
  options,
  property,
  relationship,
} from './format.test-support.js';

const WEATHER = 'https://smartdatamodels.org/dataModel.Weather/';
const CREATED = '2024-05-01T10:00:00Z';
const MODIFIED = '2024-05-02T10:00:00Z';

describe('formatEntity (normalized)', () => {
  it('shows each attribute type with its value member', () => {
    const stored = entity({
      speed: property(80, { unitCode: 'KMH', observedAt: '2024-05-01T09:00:00Z' }),
      isParked: relationship('urn:ngsi-ld:OffStreetParking:1', {
        objectType: `${DEFAULT}OffStreetParking`,
      }),
      [LOCATION]: geoProperty([2.35, 48.85]),
      street: { type: 'LanguageProperty', languageMap: { fr: 'Grand Place', nl: 'Grote Markt' } },
      tyreTreadDepths: { type: 'ListProperty', valueList: [300, 120] },
      route: {
        type: 'ListRelationship',
        objectList: ['urn:ngsi-ld:City:Antwerp', 'urn:ngsi-ld:City:Rotterdam'],
      },
      config: { type: 'JsonProperty', json: { id: 'not-an-iri', value: 'kept verbatim' } },
      category: { type: 'VocabProperty', vocab: [`${DEFAULT}commercial`, `${NGSI_LD}Property`] },
    });
    expect(formatEntity(stored, options())).toEqual({
      id: 'urn:ngsi-ld:Vehicle:A4567',
      type: 'Vehicle',
      category: { type: 'VocabProperty', vocab: ['commercial', 'Property'] },
      config: { type: 'JsonProperty', json: { id: 'not-an-iri', value: 'kept verbatim' } },
      isParked: {
        type: 'Relationship',
        object: 'urn:ngsi-ld:OffStreetParking:1',
        objectType: 'OffStreetParking',
      },
      location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [2.35, 48.85] } },
      route: {
        type: 'ListRelationship',
        objectList: [
          { object: 'urn:ngsi-ld:City:Antwerp' },
          { object: 'urn:ngsi-ld:City:Rotterdam' },
        ],
      },
      speed: { type: 'Property', value: 80, observedAt: '2024-05-01T09:00:00Z', unitCode: 'KMH' },
      street: { type: 'LanguageProperty', languageMap: { fr: 'Grand Place', nl: 'Grote Markt' } },
      tyreTreadDepths: { type: 'ListProperty', valueList: [300, 120] },
    });
  });

  it('puts id, type, scope and system attributes first and sorts attributes by compacted name', () => {
    const stored = entity(
      { zeta: property(1), alpha: property(2) },
      { scope: ['/Madrid/Centro'], createdAt: CREATED, modifiedAt: MODIFIED },
    );
    const body = formatEntity(stored, options({ sysAttrs: true, includeContext: true }));
    expect(Object.keys(body)).toEqual([
      'id',
      'type',
      'scope',
      'createdAt',
      'modifiedAt',
      'alpha',
      'zeta',
      '@context',
    ]);
    expect(body.scope).toBe('/Madrid/Centro');
    expect(body['@context']).toBe(CORE_CONTEXT_URL);
  });

  it('gives several types and scopes as arrays', () => {
    const stored = entity(
      {},
      { type: [`${DEFAULT}Vehicle`, `${DEFAULT}Asset`], scope: ['/a', '/b'] },
    );
    expect(formatEntity(stored, options())).toEqual({
      id: stored.id,
      type: ['Vehicle', 'Asset'],
      scope: ['/a', '/b'],
    });
  });

  it('shows createdAt and modifiedAt of the entity, instances and sub-attributes only with sysAttrs', () => {
    const stamps = { createdAt: CREATED, modifiedAt: MODIFIED };
    const stored = entity(
      {
        speed: property(80, { ...stamps, sub: { [`${DEFAULT}accuracy`]: property(0.9, stamps) } }),
      },
      stamps,
    );
    expect(formatEntity(stored, options())).toEqual({
      id: stored.id,
      type: 'Vehicle',
      speed: { type: 'Property', value: 80, accuracy: { type: 'Property', value: 0.9 } },
    });
    expect(formatEntity(stored, options({ sysAttrs: true }))).toEqual({
      id: stored.id,
      type: 'Vehicle',
      ...stamps,
      speed: {
        type: 'Property',
        value: 80,
        ...stamps,
        accuracy: { type: 'Property', value: 0.9, ...stamps },
      },
    });
  });

  it('shows several instances of an attribute as an array', () => {
    const stored = entity({
      speed: [property(80), property(79, { datasetId: 'urn:ngsi-ld:Dataset:gps' })],
    });
    expect(formatEntity(stored, options()).speed).toEqual([
      { type: 'Property', value: 80 },
      { type: 'Property', value: 79, datasetId: 'urn:ngsi-ld:Dataset:gps' },
    ]);
  });

  it('compacts and renders sub-attributes recursively, properties and relationships alike', () => {
    const stored = entity({
      speed: property(80, {
        sub: {
          [`${DEFAULT}measuredBy`]: relationship('urn:ngsi-ld:Device:1', {
            sub: { [`${DEFAULT}since`]: property('2024') },
          }),
        },
      }),
    });
    expect(formatEntity(stored, options()).speed).toEqual({
      type: 'Property',
      value: 80,
      measuredBy: {
        type: 'Relationship',
        object: 'urn:ngsi-ld:Device:1',
        since: { type: 'Property', value: '2024' },
      },
    });
  });

  it('applies pick and omit to attributes, id and type', () => {
    const stored = entity({
      speed: property(80),
      fuel: property(0.5),
      [LOCATION]: geoProperty([0, 0]),
    });
    expect(formatEntity(stored, options({ pick: new Set(['id', `${DEFAULT}speed`]) }))).toEqual({
      id: stored.id,
      speed: { type: 'Property', value: 80 },
    });
    expect(
      Object.keys(formatEntity(stored, options({ omit: new Set(['type', LOCATION]) }))),
    ).toEqual(['id', 'fuel', 'speed']);
  });

  it('turns a LanguageProperty into a Property with the chosen string and a lang member', () => {
    const stored = entity({
      street: { type: 'LanguageProperty', languageMap: { fr: 'Grand Place', nl: 'Grote Markt' } },
    });
    expect(formatEntity(stored, options({ lang: 'nl' })).street).toEqual({
      type: 'Property',
      value: 'Grote Markt',
      lang: 'nl',
    });
  });

  it('compacts every name with a user context', async () => {
    const context = await new ContextProcessor(() => Promise.reject(new Error('offline'))).resolve({
      schema: 'https://schema.org/',
      WeatherObserved: `${WEATHER}WeatherObserved`,
      temperature: `${WEATHER}temperature`,
    });
    const stored = entity(
      {
        [`${WEATHER}temperature`]: property(21, {
          sub: { 'https://schema.org/accuracy': property(0.5) },
        }),
        'https://schema.org/address': property({ streetAddress: 'Calle Mayor 1' }),
      },
      { type: [`${WEATHER}WeatherObserved`] },
    );
    expect(formatEntity(stored, options({ context, includeContext: true }))).toEqual({
      id: stored.id,
      type: 'WeatherObserved',
      'schema:address': { type: 'Property', value: { streetAddress: 'Calle Mayor 1' } },
      temperature: {
        type: 'Property',
        value: 21,
        'schema:accuracy': { type: 'Property', value: 0.5 },
      },
      '@context': context.definition,
    });
  });
});
