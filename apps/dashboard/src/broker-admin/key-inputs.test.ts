import { describe, expect, it } from 'vitest';
import {
  parseBrokerId,
  parseCreateKeyInput,
  parseKeyId,
  parseRotateKeyInput,
} from './key-inputs.js';

const fieldsOf = (parsed: { ok: boolean; problems?: { field: string }[] }) =>
  parsed.ok ? [] : (parsed.problems ?? []).map((problem) => problem.field);

describe('parseCreateKeyInput', () => {
  it('accepts a name, entity types, a tenant and an expiry, without duplicate types', () => {
    expect(
      parseCreateKeyInput({
        name: 'air-quality_station 2.0',
        entityTypes: [
          'AirQualityObserved',
          'https://smartdatamodels.org/Device',
          'AirQualityObserved',
        ],
        tenant: 'da-nang',
        expiresInDays: 3650,
      }),
    ).toEqual({
      ok: true,
      value: {
        name: 'air-quality_station 2.0',
        entityTypes: ['AirQualityObserved', 'https://smartdatamodels.org/Device'],
        tenant: 'da-nang',
        expiresInDays: 3650,
      },
    });
  });

  it('reports every problem at once, each naming its field', () => {
    const parsed = parseCreateKeyInput({
      name: ' leading space',
      entityTypes: ['ok', 'not ok', '*'],
      tenant: '-bad',
      expiresInDays: 3651,
    });
    expect(fieldsOf(parsed)).toEqual([
      'name',
      'entityTypes[1]',
      'entityTypes[2]',
      'tenant',
      'expiresInDays',
    ]);
  });

  it('requires 1 to 50 entity types', () => {
    expect(fieldsOf(parseCreateKeyInput({ name: 'a', entityTypes: [] }))).toEqual(['entityTypes']);
    const many = Array.from({ length: 51 }, (_, n) => `Type${n}`);
    expect(fieldsOf(parseCreateKeyInput({ name: 'a', entityTypes: many }))).toEqual([
      'entityTypes',
    ]);
    expect(parseCreateKeyInput({ name: 'a', entityTypes: many.slice(0, 50) }).ok).toBe(true);
  });

  it('refuses names over 100 characters, fractional days and a body that is no object', () => {
    expect(fieldsOf(parseCreateKeyInput({ name: 'a'.repeat(101), entityTypes: ['T'] }))).toEqual([
      'name',
    ]);
    expect(
      fieldsOf(parseCreateKeyInput({ name: 'a', entityTypes: ['T'], expiresInDays: 1.5 })),
    ).toEqual(['expiresInDays']);
    expect(fieldsOf(parseCreateKeyInput([]))).toEqual(['body']);
  });
});

describe('parseRotateKeyInput', () => {
  it('accepts an empty body and whole hours from 0 to 720', () => {
    expect(parseRotateKeyInput(undefined)).toEqual({
      ok: true,
      value: { overlapHours: undefined },
    });
    expect(parseRotateKeyInput({ overlapHours: 0 }).ok).toBe(true);
    expect(parseRotateKeyInput({ overlapHours: 720 }).ok).toBe(true);
    expect(fieldsOf(parseRotateKeyInput({ overlapHours: 721 }))).toEqual(['overlapHours']);
    expect(fieldsOf(parseRotateKeyInput({ overlap: 'PT1H' }))).toEqual(['overlap']);
  });
});

describe('path parameters', () => {
  it('accepts 16 lowercase hex characters as a key id and never echoes a bad one', () => {
    expect(parseKeyId('0123456789abcdef')).toEqual({ ok: true, value: '0123456789abcdef' });
    const pasted = `lgc_0123456789abcdef_${'s'.repeat(43)}`;
    expect(JSON.stringify(parseKeyId(pasted))).not.toContain('sss');
    expect(parseKeyId('0123456789ABCDEF').ok).toBe(false);
  });

  it('accepts positive whole numbers as broker ids', () => {
    expect(parseBrokerId('42')).toEqual({ ok: true, value: 42 });
    for (const bad of ['0', '-1', '1.5', 'abc', '', undefined]) {
      expect(parseBrokerId(bad).ok, String(bad)).toBe(false);
    }
  });
});
