import { describe, expect, it } from 'vitest';
import { isValidAttributeName } from './attribute-name.js';

describe('isValidAttributeName', () => {
  it.each([
    'temperature',
    'T',
    'speed_2',
    'température',
    'температура',
    '温度',
    'schema:name',
    'ngsi-ld:location',
    'https://schema.org/name',
    'https://example.org/ns#temperature',
    'urn:ngsi-ld:attr:1',
  ])('accepts %j', (name) => {
    expect(isValidAttributeName(name)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['starting with a digit', '2speed'],
    ['starting with an underscore', '_speed'],
    ['with a hyphen in a term', 'air-quality'],
    ['with a dot in a term', 'a.b'],
    ['with a space', 'air quality'],
    ['with a tab', 'air\tquality'],
    ['with a control character', 'air\u0007'],
    ['a JSON-LD keyword', '@id'],
    ['with an equals sign', 'https://x.org/a=b'],
    ['with a semicolon', 'https://x.org/a;b'],
    ['with parentheses', 'https://x.org/(a)'],
    ['with brackets', 'https://x.org/a[0]'],
    ['with braces', 'https://x.org/{a}'],
    ['with a comma', 'https://x.org/a,b'],
    ['with a pipe', 'https://x.org/a|b'],
    ['with an exclamation mark', 'https://x.org/a!'],
    ['with a tilde', 'https://x.org/~a'],
    ['with a single quote', "https://x.org/a'b"],
    ['with angle brackets', 'https://x.org/<a>'],
    ['a compact IRI with nothing after the colon', 'schema:'],
  ])('rejects a name %s', (_label, name) => {
    expect(isValidAttributeName(name)).toBe(false);
  });
});
