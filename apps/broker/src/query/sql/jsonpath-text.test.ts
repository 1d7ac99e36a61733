import { describe, expect, it } from 'vitest';
import { jsonpathKey, jsonpathString, postgresRegex } from './jsonpath-text.js';

describe('jsonpathString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['line\nbreak\ttab', '"line\\u000abreak\\u0009tab"'],
    ['café 温度', '"café 温度"'],
  ])('quotes %j as %s', (text, expected) => {
    expect(jsonpathString(text)).toBe(expected);
  });
});

describe('jsonpathKey', () => {
  it('quotes the key so IRIs with any characters are safe', () => {
    expect(jsonpathKey('https://example.org/ns#a"b')).toBe('."https://example.org/ns#a\\"b"');
  });
});

describe('postgresRegex', () => {
  it.each([
    ['\\bcat\\b', '\\ycat\\y'],
    ['\\Bat', '\\Yat'],
    ['[\\b]', '[\\b]'],
    ['[]\\b]\\b', '[]\\b]\\y'],
    ['[^]\\b]x', '[^]\\b]x'],
    ['\\\\b', '\\\\b'],
    ['^\\d{3}-\\w+$', '^\\d{3}-\\w+$'],
  ])('turns %j into %j', (pattern, expected) => {
    expect(postgresRegex(pattern)).toBe(expected);
  });
});
