import { describe, expect, it } from 'vitest';
import type { EntityBody } from '@legocity/broker-client';
import type { EntityContract } from './source.js';
import { validateEntity } from './validate-entity.js';

const contract: EntityContract = {
  type: 'WeatherObserved',
  version: '1.0.0',
  idPattern: 'urn:ngsi-ld:WeatherObserved:[a-z0-9-]+',
  attributes: [
    {
      name: 'temperature',
      kind: 'Property',
      valueType: 'number',
      unitCode: 'CEL',
      minimum: -90,
      maximum: 60,
      required: true,
    },
    { name: 'relativeHumidity', kind: 'Property', valueType: 'number', minimum: 0, maximum: 1 },
    { name: 'stationCount', kind: 'Property', valueType: 'integer' },
    { name: 'location', kind: 'GeoProperty', geometry: ['Point'], required: true },
    { name: 'refDevice', kind: 'Relationship' },
    { name: 'name', kind: 'Property', valueType: 'string' },
  ],
};

const ID = 'urn:ngsi-ld:WeatherObserved:ws-1';

function station(overrides: Record<string, unknown> = {}): EntityBody {
  return {
    id: ID,
    type: 'WeatherObserved',
    temperature: {
      type: 'Property',
      value: 21.5,
      unitCode: 'CEL',
      observedAt: '2025-01-01T10:00:00Z',
    },
    location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [105.8, 21.0] } },
    ...overrides,
  };
}

describe('validateEntity', () => {
  it('accepts an entity that follows its contract', () => {
    expect(validateEntity(station(), contract)).toEqual([]);
  });

  it('names the entity, the attribute and the rule for a wrong unit', () => {
    const entity = station({ temperature: { type: 'Property', value: 70, unitCode: 'FAH' } });
    expect(validateEntity(entity, contract)).toEqual([
      `${ID} temperature: unitCode must be "CEL", got "FAH"`,
      `${ID} temperature: value must be at most 60, got 70`,
    ]);
  });

  it('checks the whole id against the pattern', () => {
    const entity = station({ id: `${ID}/extra` });
    expect(validateEntity(entity, contract)).toEqual([
      `${ID}/extra: id must match /urn:ngsi-ld:WeatherObserved:[a-z0-9-]+/`,
    ]);
    expect(validateEntity(station({ id: `x${ID}` }), contract)).toHaveLength(1);
  });

  it('refuses another type', () => {
    expect(validateEntity(station({ type: 'Room' }), contract)).toEqual([
      `${ID}: type must be "WeatherObserved", got "Room"`,
    ]);
  });

  it('checks value types, integer included', () => {
    const entity = station({
      stationCount: { type: 'Property', value: 2.5 },
      name: { type: 'Property', value: 3 },
      relativeHumidity: { type: 'Property', value: '80%' },
    });
    expect(validateEntity(entity, contract)).toEqual([
      `${ID} stationCount: value must be an integer, got 2.5`,
      `${ID} name: value must be a string, got 3`,
      `${ID} relativeHumidity: value must be a number, got "80%"`,
    ]);
  });

  it('checks the attribute kind, the geometry type and Relationship objects', () => {
    const entity = station({
      location: { type: 'GeoProperty', value: { type: 'Polygon', coordinates: [] } },
      refDevice: { type: 'Relationship', object: 42 },
      name: { type: 'Relationship', object: 'urn:x:1' },
    });
    expect(validateEntity(entity, contract)).toEqual([
      `${ID} location: geometry must be one of Point, got Polygon`,
      `${ID} refDevice: object must be a URI or a list of URIs`,
      `${ID} name: type must be "Property", got "Relationship"`,
    ]);
  });

  it('refuses a value that is no GeoJSON geometry', () => {
    const entity = station({ location: { type: 'GeoProperty', value: [105, 21] } });
    expect(validateEntity(entity, contract)).toEqual([
      `${ID} location: value must be a GeoJSON geometry, got [105,21]`,
    ]);
  });

  it('requires required attributes in full entities only', () => {
    const fragment: EntityBody = {
      id: ID,
      type: 'WeatherObserved',
      relativeHumidity: { type: 'Property', value: 0.5 },
    };
    expect(validateEntity(fragment, contract)).toEqual([
      `${ID} temperature: is required`,
      `${ID} location: is required`,
    ]);
    expect(validateEntity(fragment, contract, { partial: true })).toEqual([]);
  });

  it('refuses attributes outside the contract unless it allows others', () => {
    const entity = station({ colour: { type: 'Property', value: 'red' } });
    expect(validateEntity(entity, contract)).toEqual([
      `${ID} colour: is not in the WeatherObserved contract`,
    ]);
    expect(validateEntity(entity, { ...contract, allowOtherAttributes: true })).toEqual([]);
  });

  it('requires observedAt to be an ISO date-time', () => {
    const entity = station({
      temperature: { type: 'Property', value: 20, unitCode: 'CEL', observedAt: 'yesterday' },
    });
    expect(validateEntity(entity, contract)).toEqual([
      `${ID} temperature: observedAt must be an ISO 8601 date-time, got "yesterday"`,
    ]);
  });

  it('checks every instance of a multi-attribute', () => {
    const entity = station({
      relativeHumidity: [
        { type: 'Property', value: 0.5, datasetId: 'urn:a' },
        { type: 'Property', value: 5, datasetId: 'urn:b' },
      ],
    });
    expect(validateEntity(entity, contract)).toEqual([
      `${ID} relativeHumidity: value must be at most 1, got 5`,
    ]);
  });

  it('says when an attribute is not in normalized form', () => {
    expect(validateEntity(station({ temperature: 21 }), contract)).toEqual([
      `${ID} temperature: must be a normalized Property object, got 21`,
    ]);
  });
});
