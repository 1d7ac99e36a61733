import { describe, expect, it } from 'vitest';
import { ENTITY_ID, NAME, matching, parseParameters, wholeNumber } from './parse-parameters.js';

const rules = {
  entity: matching(ENTITY_ID, 'must be an entity id (a URI)'),
  attribute: matching(NAME, 'must be an attribute name'),
  hours: wholeNumber(1, 168, 24),
};

describe('parseParameters', () => {
  it('reads the listed parameters and fills defaults', () => {
    const parsed = parseParameters(
      new URLSearchParams({ entity: 'urn:ngsi-ld:X:1', attribute: 'pm25' }),
      rules,
    );
    expect(parsed).toEqual({
      ok: true,
      value: { entity: 'urn:ngsi-ld:X:1', attribute: 'pm25', hours: 24 },
    });
  });

  it('reports every problem at once, each naming its parameter and rule', () => {
    const search = new URLSearchParams('entity=no spaces&hours=0&hours=2&url=http://evil');
    const parsed = parseParameters(search, rules);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { field: 'url', message: 'is not a parameter here (allowed: entity, attribute, hours)' },
      { field: 'entity', message: 'must be an entity id (a URI)' },
      { field: 'attribute', message: 'is required and must be an attribute name' },
      { field: 'hours', message: 'must be given once' },
    ]);
  });

  it('refuses numbers out of range or not whole, and over-long values', () => {
    for (const hours of ['169', '1.5', '-1', '1e2']) {
      const parsed = parseParameters(
        new URLSearchParams({ entity: 'urn:x:1', attribute: 'a', hours }),
        rules,
      );
      expect(parsed.ok, hours).toBe(false);
    }
    const long = parseParameters(
      new URLSearchParams({ entity: `urn:x:${'a'.repeat(300)}`, attribute: 'a' }),
      rules,
    );
    expect(long.ok).toBe(false);
  });
});
