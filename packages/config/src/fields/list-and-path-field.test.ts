import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { list } from './list-field.js';
import { path } from './path-field.js';
import { string } from './string-field.js';

describe('list', () => {
  it('splits on commas, trims items and drops empty ones', () => {
    expect(list({ env: 'ORIGINS' }).parse(' a, b ,,c, ')).toEqual({
      ok: true,
      value: ['a', 'b', 'c'],
    });
  });
});

describe('path', () => {
  it('resolves a relative path and the default against the base folder', () => {
    const dataDir = path({ env: 'DATA_DIR', base: '/srv/city', default: '.legocity' });
    expect(dataDir.parse('data/../cache')).toEqual({ ok: true, value: resolve('/srv/city/cache') });
    expect(dataDir.default).toBe(resolve('/srv/city/.legocity'));
  });

  it('normalises without a base and rejects NUL characters', () => {
    const dataDir = path({ env: 'DATA_DIR' });
    expect(dataDir.parse('./a//b')).toEqual({ ok: true, value: 'a/b' });
    expect(dataDir.parse('a\0b').ok).toBe(false);
  });
});

describe('string', () => {
  it('keeps surrounding spaces and enforces a minimum length', () => {
    const secret = string({ env: 'SECRET', minLength: 4 });
    expect(secret.parse(' ab ')).toEqual({ ok: true, value: ' ab ' });
    expect(secret.parse('abc')).toEqual({
      ok: false,
      message: 'must be at least 4 characters long',
    });
  });
});
