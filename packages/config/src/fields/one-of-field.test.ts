import { describe, expect, it } from 'vitest';
import { oneOf } from './one-of-field.js';

describe('oneOf', () => {
  const level = oneOf(['debug', 'info', 'warn'], { env: 'LEVEL' });

  it('accepts an allowed value and forgives letter case', () => {
    expect(level.parse('warn')).toEqual({ ok: true, value: 'warn' });
    expect(level.parse(' INFO ')).toEqual({ ok: true, value: 'info' });
  });

  it('lists the allowed values, not the rejected one, when it refuses', () => {
    expect(level.parse('verbose')).toEqual({
      ok: false,
      message: 'must be one of: debug, info, warn',
    });
  });

  it('requires the exact spelling when two values differ only by case', () => {
    const mode = oneOf(['A', 'a'], { env: 'MODE' });
    expect(mode.parse('a')).toEqual({ ok: true, value: 'a' });
    expect(mode.parse('A')).toEqual({ ok: true, value: 'A' });
  });
});
