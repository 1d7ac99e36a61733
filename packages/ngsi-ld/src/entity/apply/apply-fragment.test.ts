import { describe, expect, it } from 'vitest';
import type { Entity, EntityFragment, FragmentInstance } from '../types.js';
import { applyFragment } from './apply-attributes.js';
import { mergeInstance, partialUpdateInstance } from './merge-instance.js';
import { stampNewEntity } from './stamp.js';

const T0 = '2024-01-01T00:00:00.000Z';
const T1 = '2024-01-02T00:00:00.000Z';

function entity(attributes: Record<string, FragmentInstance[]>): Entity {
  return stampNewEntity({ id: 'urn:ngsi-ld:X:1', type: ['T'], attributes }, T0);
}
const fragment = (
  attributes: Record<string, FragmentInstance[]>,
  extra: Partial<EntityFragment> = {},
): EntityFragment => ({
  attributes,
  ...extra,
});

describe('applyFragment', () => {
  it('replaces a matching instance, keeps its createdAt and appends a missing one (update attributes)', () => {
    const before = entity({ a: [{ type: 'Property', value: 1, unitCode: 'CEL' }] });
    const outcome = applyFragment(
      before,
      fragment({ a: [{ type: 'Property', value: 2 }], b: [{ type: 'Property', value: 3 }] }),
      {
        onExisting: 'replace',
        scope: 'replace-if-present',
        now: T1,
      },
    );
    expect(outcome.entity.attributes.a).toEqual([
      { type: 'Property', value: 2, createdAt: T0, modifiedAt: T1 },
    ]);
    expect(outcome.entity.attributes.b).toEqual([
      { type: 'Property', value: 3, createdAt: T1, modifiedAt: T1 },
    ]);
    expect(outcome.updated).toEqual(['a', 'b']);
    expect(outcome.entity.modifiedAt).toBe(T1);
  });

  it('leaves existing instances alone and reports them with noOverwrite', () => {
    const before = entity({ a: [{ type: 'Property', value: 1 }] });
    const outcome = applyFragment(before, fragment({ a: [{ type: 'Property', value: 2 }] }), {
      onExisting: 'keep',
      scope: 'union',
      now: T1,
    });
    expect(outcome.changed).toBe(false);
    expect(outcome.entity.attributes.a?.[0]?.value).toBe(1);
    expect(outcome.notUpdated).toEqual([
      { attributeName: 'a', reason: 'attribute exists and overwriting was not allowed' },
    ]);
  });

  it('deletes only the instance an NGSI-LD Null names by datasetId', () => {
    const before = entity({
      a: [
        { type: 'Property', value: 1 },
        { type: 'Property', value: 2, datasetId: 'urn:d:2' },
      ],
    });
    const outcome = applyFragment(
      before,
      fragment({ a: [{ type: 'Property', deleted: true, datasetId: 'urn:d:2' }] }),
      {
        onExisting: 'replace',
        scope: 'replace',
        now: T1,
      },
    );
    expect(outcome.entity.attributes.a).toHaveLength(1);
    expect(outcome.entity.attributes.a?.[0]?.value).toBe(1);
  });

  it('adds new entity types and never removes existing ones', () => {
    const outcome = applyFragment(entity({}), fragment({}, { type: ['T', 'U'] }), {
      onExisting: 'replace',
      scope: 'replace',
      now: T1,
    });
    expect(outcome.entity.type).toEqual(['T', 'U']);
  });

  it('merges JSON values key by key and deletes keys set to NGSI-LD Null (merge)', () => {
    const before = entity({
      address: [{ type: 'Property', value: { street: 'A', city: 'Hanoi', country: 'VN' } }],
    });
    const outcome = applyFragment(
      before,
      fragment({
        address: [{ type: 'Property', value: { street: 'B', country: 'urn:ngsi-ld:null' } }],
      }),
      { onExisting: 'merge', scope: 'replace', now: T1, mergeInstance },
    );
    expect(outcome.entity.attributes.address?.[0]?.value).toEqual({ street: 'B', city: 'Hanoi' });
  });
});

describe('mergeInstance', () => {
  it('keeps members the fragment does not mention and removes members set to NGSI-LD Null', () => {
    const existing = {
      type: 'Property' as const,
      value: 25,
      unitCode: 'CEL',
      observedAt: T0,
      createdAt: T0,
      modifiedAt: T0,
    };
    expect(
      mergeInstance(existing, { type: 'Property', value: 100, observedAt: 'urn:ngsi-ld:null' }, T1),
    ).toEqual({
      type: 'Property',
      value: 100,
      unitCode: 'CEL',
      createdAt: T0,
      modifiedAt: T1,
    });
  });

  it('keeps the existing attribute type when the fragment was concise', () => {
    const existing = {
      type: 'GeoProperty' as const,
      value: { type: 'Point', coordinates: [0, 0] },
      createdAt: T0,
      modifiedAt: T0,
    };
    const merged = mergeInstance(
      existing,
      { type: 'Property', value: { type: 'Point', coordinates: [1, 1] }, inferred: true },
      T1,
    );
    expect(merged.type).toBe('GeoProperty');
  });
});

describe('partialUpdateInstance', () => {
  it('refuses to change the attribute type', () => {
    const existing = { type: 'Property' as const, value: 1, createdAt: T0, modifiedAt: T0 };
    expect(() =>
      partialUpdateInstance(existing, { type: 'Relationship', object: 'urn:x:1' }, T1),
    ).toThrow(/cannot change/);
  });

  it('replaces the value whole rather than merging it', () => {
    const existing = {
      type: 'Property' as const,
      value: { a: 1, b: 2 },
      createdAt: T0,
      modifiedAt: T0,
    };
    expect(
      partialUpdateInstance(existing, { type: 'Property', value: { a: 3 } }, T1).value,
    ).toEqual({ a: 3 });
  });

  it('keeps type and object of a Relationship when the fragment only patches observedAt (§5.6.4 Attribute Fragment)', () => {
    const existing = {
      type: 'Relationship' as const,
      object: 'urn:x:1',
      createdAt: T0,
      modifiedAt: T0,
    };
    expect(
      partialUpdateInstance(existing, { type: 'Property', observedAt: T1, inferred: true }, T1),
    ).toEqual({
      type: 'Relationship',
      object: 'urn:x:1',
      observedAt: T1,
      createdAt: T0,
      modifiedAt: T1,
    });
  });
});

describe('stamping new instances', () => {
  it('leaves NGSI-LD Null markers out of a new entity: it has nothing to delete', () => {
    const marker: FragmentInstance = { type: 'Property', deleted: true };
    const created = stampNewEntity(
      {
        id: 'urn:ngsi-ld:X:2',
        type: ['T'],
        attributes: { a: [marker], b: [{ type: 'Property', value: 1 }] },
      },
      T0,
    );
    expect(Object.keys(created.attributes)).toEqual(['b']);
  });

  it('leaves out unitCode and observedAt set to NGSI-LD Null in an instance written whole', () => {
    const outcome = applyFragment(
      entity({ a: [{ type: 'Property', value: 1, unitCode: 'CEL' }] }),
      fragment({ a: [{ type: 'Property', value: 2, unitCode: 'urn:ngsi-ld:null' }] }),
      {
        onExisting: 'replace',
        scope: 'replace-if-present',
        now: T1,
      },
    );
    expect(outcome.entity.attributes.a).toEqual([
      { type: 'Property', value: 2, createdAt: T0, modifiedAt: T1 },
    ]);
  });
});
