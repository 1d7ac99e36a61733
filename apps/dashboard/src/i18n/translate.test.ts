import { describe, expect, it } from 'vitest';
import { en } from './messages-en.js';
import { vi } from './messages-vi.js';
import { translate, translator } from './translate.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translate', () => {
  it('fills placeholders with the given values', () => {
    expect(translate('en', 'updatedSeconds', { n: 40 })).toBe('Updated 40 s ago');
    expect(translate('vi', 'updatedSeconds', { n: 40 })).toBe('Cập nhật 40 giây trước');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(translate('en', 'mapLabel')).toBe('Map: {title}');
  });

  it('does not read parameters from the prototype', () => {
    expect(translate('en', 'mapLabel', {})).toBe('Map: {title}');
  });

  it('binds a locale with translator', () => {
    expect(translator('vi')('stale')).toBe('Dữ liệu cũ');
    expect(translator('vi')('unreachable')).toBe('Không kết nối được nguồn dữ liệu');
  });
});

describe('catalogues', () => {
  it('has every English key in Vietnamese, non-empty', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(vi[key], key).toBeTruthy();
    }
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(vi[key]), key).toEqual(placeholders(en[key]));
    }
  });
});
