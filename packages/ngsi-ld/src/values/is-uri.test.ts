import { describe, expect, it } from 'vitest';
import { isUri } from './is-uri.js';

describe('isUri', () => {
  it.each([
    'urn:ngsi-ld:Building:1',
    'https://example.org/a/b?c=d#e',
    'http://example.org/',
    'mailto:someone@example.org',
    'urn:ngsi-ld:Ville:Orléans',
    'tag:x',
    'a+b.c-d:e',
  ])('accepts %j', (value) => {
    expect(isUri(value)).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['a bare name', 'Building1'],
    ['a scheme with nothing after it', 'urn:'],
    ['a scheme starting with a digit', '1urn:x'],
    ['a relative path', '/entities/1'],
    ['a space', 'urn:ngsi-ld:Building 1'],
    ['a tab', 'urn:x\ty'],
    ['a newline', 'urn:x\ny'],
    ['a control character', 'urn:x\u0001'],
    ['a double quote', 'urn:"x"'],
    ['angle brackets', 'urn:<x>'],
    ['braces', 'urn:{x}'],
    ['a pipe', 'urn:x|y'],
    ['a backslash', 'urn:x\\y'],
    ['a caret', 'urn:x^y'],
    ['a backtick', 'urn:x`y'],
  ])('rejects %s', (_label, value) => {
    expect(isUri(value)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isUri(42)).toBe(false);
    expect(isUri(null)).toBe(false);
  });
});
