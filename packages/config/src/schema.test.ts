import { describe, expect, expectTypeOf, it } from 'vitest';
import { integer } from './fields/number-field.js';
import { oneOf } from './fields/one-of-field.js';
import { string } from './fields/string-field.js';
import { schemaEntries, type ConfigOf } from './schema.js';

describe('schemaEntries', () => {
  it('walks nested groups depth first with dotted keys', () => {
    const port = integer({ env: 'PORT', default: 1 });
    const name = string({ env: 'NAME' });
    const entries = schemaEntries({ http: { port }, name });
    expect(entries).toEqual([
      { key: 'http.port', path: ['http', 'port'], field: port },
      { key: 'name', path: ['name'], field: name },
    ]);
  });
});

describe('ConfigOf', () => {
  it('types an optional field as possibly undefined unless it has a default', () => {
    const level = oneOf(['a', 'b'], { env: 'LEVEL', optional: true });
    expectTypeOf<ConfigOf<{ level: typeof level }>['level']>().toEqualTypeOf<
      'a' | 'b' | undefined
    >();
    expect(level.optional).toBe(true);
    const withDefault = integer({ env: 'N', default: 3 });
    expect(withDefault.optional).toBe(false);
  });

  it('refuses at compile time what would make the loaded type lie', () => {
    const isOptional = Number('1') > 0;
    // @ts-expect-error `optional` must be a literal, or the type cannot know about undefined.
    integer({ env: 'A', optional: isOptional });
    // @ts-expect-error a default must be one of the allowed values.
    oneOf(['a', 'b'], { env: 'B', default: 'c' });
    // @ts-expect-error a misspelt option is not silently ignored.
    integer({ env: 'C', mn: 1 });
    expect(isOptional).toBe(true);
  });
});
