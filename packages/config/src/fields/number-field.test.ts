import { describe, expect, it } from 'vitest';
import { integer, number } from './number-field.js';

describe('integer', () => {
  const port = integer({ env: 'PORT', min: 1, max: 65535 });

  it('parses a whole number within its bounds', () => {
    expect(port.parse(' 1026 ')).toEqual({ ok: true, value: 1026 });
  });

  it.each(['0', '65536', '80.5', '0x50', '1e3', '', 'eighty'])('rejects %j', (raw) => {
    expect(port.parse(raw)).toEqual({
      ok: false,
      message: 'must be an integer between 1 and 65535',
    });
  });

  it('describes a one-sided bound in its message and type', () => {
    const workers = integer({ env: 'WORKERS', min: 1 });
    expect(workers.parse('0')).toEqual({ ok: false, message: 'must be an integer of at least 1' });
    expect(workers.type).toBe('integer (≥ 1)');
  });

  it('rejects integers too large to represent exactly', () => {
    expect(integer({ env: 'N' }).parse('9007199254740993').ok).toBe(false);
  });
});

describe('number', () => {
  const ratio = number({ env: 'RATIO', min: 0, max: 1 });

  it('parses decimals and exponents', () => {
    expect(ratio.parse('0.25')).toEqual({ ok: true, value: 0.25 });
    expect(ratio.parse('5e-1')).toEqual({ ok: true, value: 0.5 });
  });

  it.each(['Infinity', 'NaN', '0x1', '1.5', '-0.1', '.'])('rejects %j', (raw) => {
    expect(ratio.parse(raw)).toEqual({ ok: false, message: 'must be a number between 0 and 1' });
  });
});
