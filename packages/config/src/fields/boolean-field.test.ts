import { describe, expect, it } from 'vitest';
import { boolean } from './boolean-field.js';

describe('boolean', () => {
  const flag = boolean({ env: 'FLAG' });

  it.each([
    ['true', true],
    ['YES', true],
    ['1', true],
    ['False', false],
    ['no', false],
    [' 0 ', false],
  ])('reads %j as %s', (raw, expected) => {
    expect(flag.parse(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['on', 'y', 'maybe', '2'])('rejects the ambiguous word %j', (raw) => {
    expect(flag.parse(raw)).toEqual({
      ok: false,
      message: 'must be one of: true, false, yes, no, 1, 0',
    });
  });
});
