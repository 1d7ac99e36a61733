import { describe, expect, it } from 'vitest';
import { getCoreContext } from '../jsonld/index.js';
import type { Problem } from '../errors/ngsi-ld-error.js';
import { parseAttribute, parseEntity, parseEntityBody } from './parse-entity.js';

const context = getCoreContext();
const VOCAB = 'https://uri.etsi.org/ngsi-ld/default-context/';
const create = (body: unknown) => parseEntity(body, { context, mode: 'create' });
const fragment = (body: unknown) => parseEntityBody(body, { context, mode: 'fragment' });

describe('parseEntity', () => {
  it('expands the type and attribute names with the @context', () => {
    const parsed = create({
      id: 'urn:ngsi-ld:Vehicle:1',
      type: 'Vehicle',
      speed: { type: 'Property', value: 80 },
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        id: 'urn:ngsi-ld:Vehicle:1',
        type: [`${VOCAB}Vehicle`],
        attributes: { [`${VOCAB}speed`]: [{ type: 'Property', value: 80 }] },
      },
    });
  });

  it('infers attribute types from a concise body', () => {
    const parsed = create({
      id: 'urn:ngsi-ld:Building:1',
      type: 'Building',
      name: 'Town hall',
      owner: { object: 'urn:ngsi-ld:Person:1' },
      location: { type: 'Point', coordinates: [105.85, 21.03] },
      label: { languageMap: { en: 'Hall', vi: 'Hội trường' } },
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const attrs = parsed.value.attributes;
    expect(attrs[`${VOCAB}name`]?.[0]).toMatchObject({ type: 'Property', value: 'Town hall' });
    expect(attrs[`${VOCAB}owner`]?.[0]).toMatchObject({
      type: 'Relationship',
      object: 'urn:ngsi-ld:Person:1',
    });
    expect(attrs['https://uri.etsi.org/ngsi-ld/location']?.[0]).toMatchObject({
      type: 'GeoProperty',
    });
    expect(attrs[`${VOCAB}label`]?.[0]).toMatchObject({ type: 'LanguageProperty' });
  });

  it('keeps sub-properties, observedAt (normalized), unitCode and datasetId', () => {
    const parsed = create({
      id: 'urn:ngsi-ld:Sensor:1',
      type: 'Sensor',
      temperature: {
        type: 'Property',
        value: 21.5,
        unitCode: 'CEL',
        observedAt: '2024-05-01T10:00:00+02:00',
        datasetId: 'urn:ngsi-ld:Dataset:raw',
        accuracy: { type: 'Property', value: 0.5 },
      },
    });
    expect(parsed.ok && parsed.value.attributes[`${VOCAB}temperature`]).toEqual([
      {
        type: 'Property',
        value: 21.5,
        unitCode: 'CEL',
        observedAt: '2024-05-01T08:00:00.000Z',
        datasetId: 'urn:ngsi-ld:Dataset:raw',
        sub: { [`${VOCAB}accuracy`]: { type: 'Property', value: 0.5 } },
      },
    ]);
  });

  it('accepts several instances of one attribute with distinct datasetIds', () => {
    const parsed = create({
      id: 'urn:ngsi-ld:Sensor:1',
      type: 'Sensor',
      speed: [
        { type: 'Property', value: 1 },
        { type: 'Property', value: 2, datasetId: 'urn:ngsi-ld:Dataset:b' },
      ],
    });
    expect(parsed.ok && parsed.value.attributes[`${VOCAB}speed`]).toHaveLength(2);
  });

  it('reports every problem at once, naming the field and the rule', () => {
    const parsed = create({
      type: 'Vehicle',
      speed: { type: 'Property' },
      owner: { type: 'Relationship', object: 'not a uri' },
      when: { type: 'Property', value: 1, observedAt: 'yesterday' },
      kind: { type: 'Magic', value: 1 },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.field).sort()).toEqual(
      ['id', 'kind.type', 'owner.object', 'speed', 'when.observedAt'].sort(),
    );
    expect(parsed.problems.find((p) => p.field === 'speed')?.message).toMatch(
      /needs a 'value' member/,
    );
  });

  it('rejects a repeated datasetId', () => {
    const parsed = create({
      id: 'urn:ngsi-ld:X:1',
      type: 'X',
      a: [
        { type: 'Property', value: 1 },
        { type: 'Property', value: 2 },
      ],
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]?.message).toMatch(/default instance/);
  });

  it('rejects NGSI-LD Null when creating', () => {
    const parsed = create({ id: 'urn:ngsi-ld:X:1', type: 'X', a: 'urn:ngsi-ld:null' });
    expect(!parsed.ok && parsed.problems[0]?.message).toMatch(/only allowed in updates/);
  });

  it('rejects a GeoProperty whose value is not a GeoJSON geometry', () => {
    const parsed = create({
      id: 'urn:ngsi-ld:X:1',
      type: 'X',
      location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [500, 0] } },
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]?.field).toMatch(/^location\.value/);
  });

  it('rejects a member that does not belong to the attribute type', () => {
    const parsed = create({
      id: 'urn:ngsi-ld:X:1',
      type: 'X',
      a: { type: 'Property', value: 1, object: 'urn:x:y' },
    });
    expect(!parsed.ok && parsed.problems[0]).toEqual({
      field: 'a.object',
      message: 'is not allowed in a Property',
    });
  });

  it('ignores system attributes sent by the client', () => {
    const parsed = create({
      id: 'urn:ngsi-ld:X:1',
      type: 'X',
      createdAt: '2020-01-01T00:00:00Z',
      a: { value: 1, modifiedAt: 'x' },
    });
    expect(parsed.ok && parsed.value.attributes[`${VOCAB}a`]).toEqual([
      { type: 'Property', value: 1, inferred: true },
    ]);
  });

  it('treats an array of plain values as one concise Property', () => {
    const parsed = create({ id: 'urn:ngsi-ld:X:1', type: 'X', tags: ['a', 'b'] });
    expect(parsed.ok && parsed.value.attributes[`${VOCAB}tags`]).toEqual([
      { type: 'Property', value: ['a', 'b'], inferred: true },
    ]);
  });
});

describe('parseEntityBody in fragment mode', () => {
  it('turns NGSI-LD Null into a deletion marker', () => {
    const parsed = fragment({
      speed: 'urn:ngsi-ld:null',
      owner: { type: 'Relationship', object: 'urn:ngsi-ld:null' },
    });
    expect(parsed.ok && parsed.value.attributes[`${VOCAB}speed`]?.[0]?.deleted).toBe(true);
    expect(parsed.ok && parsed.value.attributes[`${VOCAB}owner`]?.[0]?.deleted).toBe(true);
  });

  it('does not need id or type', () => {
    expect(fragment({ speed: 3 }).ok).toBe(true);
  });

  it('rejects a body that is not an object', () => {
    expect(fragment([1, 2])).toEqual({
      ok: false,
      problems: [{ field: 'body', message: 'must be a JSON object representing an entity' }],
    });
  });
});

describe('parseAttribute of an Attribute Fragment (partial, §5.6.4)', () => {
  it('reads an untyped object without a value member as members to patch, not as a concise value', () => {
    const problems: Problem[] = [];
    const parsed = parseAttribute(
      'speed',
      { unitCode: 'KMH', accuracy: 'urn:ngsi-ld:null' },
      context,
      true,
      problems,
      { partial: true },
    );
    expect(problems).toEqual([]);
    expect(parsed).toEqual([
      {
        type: 'Property',
        inferred: true,
        unitCode: 'KMH',
        sub: { [`${VOCAB}accuracy`]: { type: 'Property', deleted: true } },
      },
    ]);
  });

  it('keeps reading such an object as a concise JSON value outside a partial update', () => {
    const problems: Problem[] = [];
    expect(parseAttribute('address', { city: 'Hanoi' }, context, true, problems)).toEqual([
      { type: 'Property', value: { city: 'Hanoi' }, inferred: true },
    ]);
  });
});
