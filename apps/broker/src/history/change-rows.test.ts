import { describe, expect, it } from 'vitest';
import type { Entity } from '@legocity/ngsi-ld';
import { changeRow } from './change-rows.js';

const T = 'https://uri.etsi.org/ngsi-ld/default-context/Sensor';
const TEMP = 'https://uri.etsi.org/ngsi-ld/default-context/temperature';
const HUM = 'https://uri.etsi.org/ngsi-ld/default-context/humidity';
const NOW = '2026-01-01T00:00:00.000Z';

function sensor(attributes: Entity['attributes'], modifiedAt = NOW): Entity {
  return { id: 'urn:ngsi-ld:Sensor:1', type: [T], attributes, modifiedAt };
}
const p = (value: number, extra: object = {}) => ({ type: 'Property' as const, value, ...extra });

describe('changeRow', () => {
  it('logs a created entity with all its attributes', () => {
    const after = sensor({ [TEMP]: [p(20)] });
    expect(changeRow({ tenant: '', id: after.id, before: undefined, after }, NOW)).toEqual({
      id: after.id,
      types: [T],
      trigger: 'entityCreated',
      attrs: { [TEMP]: [p(20)] },
      deleted: null,
      at: NOW,
    });
  });

  it('logs only the instances that changed, and the deleted ones by datasetId', () => {
    const before = sensor({
      [TEMP]: [p(20)],
      [HUM]: [p(50), p(51, { datasetId: 'urn:ds:b' })],
    });
    const after = sensor({ [TEMP]: [p(21)], [HUM]: [p(50)] }, '2026-01-01T00:01:00.000Z');
    const row = changeRow({ tenant: '', id: after.id, before, after }, NOW);
    expect(row?.trigger).toBe('entityUpdated');
    expect(row?.attrs).toEqual({ [TEMP]: [p(21)] });
    expect(row?.deleted).toEqual({ [HUM]: ['urn:ds:b'] });
    expect(row?.at).toBe('2026-01-01T00:01:00.000Z');
  });

  it('logs nothing when nothing changed', () => {
    const entity = sensor({ [TEMP]: [p(20)] });
    expect(
      changeRow({ tenant: '', id: entity.id, before: entity, after: entity }, NOW),
    ).toBeUndefined();
  });

  it('logs a deletion with the types the entity had', () => {
    const before = sensor({ [TEMP]: [p(20)] });
    expect(changeRow({ tenant: '', id: before.id, before, after: undefined }, NOW)).toMatchObject({
      trigger: 'entityDeleted',
      types: [T],
      attrs: {},
    });
  });
});
