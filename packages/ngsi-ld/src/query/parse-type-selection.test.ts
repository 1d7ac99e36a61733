import { describe, expect, it } from 'vitest';
import { parseTypeSelection, typeNames, type TypeSelection } from './parse-type-selection.js';
import { isTooComplexQuery } from './too-complex.js';

const type = (name: string): TypeSelection => ({ kind: 'type', name });

function parsed(text: string): TypeSelection {
  const result = parseTypeSelection(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${JSON.stringify(result.problems)}`);
  return result.value;
}

describe('parseTypeSelection', () => {
  it.each<[string, TypeSelection]>([
    ['Building', type('Building')],
    ['Building|House', { kind: 'or', operands: [type('Building'), type('House')] }],
    ['Building,House', { kind: 'or', operands: [type('Building'), type('House')] }],
    ['(Home;Vehicle)', { kind: 'and', operands: [type('Home'), type('Vehicle')] }],
    [
      '(Home;Vehicle)|Motorhome',
      {
        kind: 'or',
        operands: [{ kind: 'and', operands: [type('Home'), type('Vehicle')] }, type('Motorhome')],
      },
    ],
    [
      '(Home;Vehicle),Motorhome',
      {
        kind: 'or',
        operands: [{ kind: 'and', operands: [type('Home'), type('Vehicle')] }, type('Motorhome')],
      },
    ],
    [
      'A;B|C',
      { kind: 'or', operands: [{ kind: 'and', operands: [type('A'), type('B')] }, type('C')] },
    ],
    [
      'A;(B|C)',
      { kind: 'and', operands: [type('A'), { kind: 'or', operands: [type('B'), type('C')] }] },
    ],
    ['A|(B|C),D', { kind: 'or', operands: [type('A'), type('B'), type('C'), type('D')] }],
    [
      'schema:Place|https://example.org/ns#Car',
      { kind: 'or', operands: [type('schema:Place'), type('https://example.org/ns#Car')] },
    ],
  ])('reads %s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it.each([
    ['', ['must name at least one entity type']],
    ['A,', ['expected an entity type name at position 3, found the end of the query']],
    ['A||B', ["expected an entity type name at position 3, found '|'"]],
    ['(A;B', ["'(' at position 1 is not closed by ')'"]],
    ['A)', ["expected ',', '|' or ';' at position 2, found ')'"]],
    ['A, B', ['expected an entity type name at position 3, found a space (none is allowed here)']],
    [
      'Air-Quality',
      [
        "'Air-Quality' at position 1 is not a valid entity type name (a letter followed by letters, digits or '_', a compact IRI or an absolute IRI)",
      ],
    ],
    [
      '(A;2B)|C-D',
      [
        "'2B' at position 4 is not a valid entity type name (a letter followed by letters, digits or '_', a compact IRI or an absolute IRI)",
        "'C-D' at position 8 is not a valid entity type name (a letter followed by letters, digits or '_', a compact IRI or an absolute IRI)",
      ],
    ],
  ])('rejects %j with every problem', (text, expected) => {
    const result = parseTypeSelection(text);
    expect(result).toEqual({
      ok: false,
      problems: expected.map((message) => ({ field: 'type', message })),
    });
  });

  it('refuses more than 100 types as too complex', () => {
    const text = Array.from({ length: 101 }, (_, index) => `T${index}`).join(',');
    const result = parseTypeSelection(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && isTooComplexQuery(result.problems)).toBe(true);
  });

  it('names the field it is given', () => {
    expect(parseTypeSelection('A,', 'entities[0].type')).toMatchObject({
      ok: false,
      problems: [{ field: 'entities[0].type' }],
    });
  });
});

describe('typeNames', () => {
  it('lists every name once, in order of appearance', () => {
    expect(typeNames(parsed('(Home;Vehicle)|Motorhome|Home'))).toEqual([
      'Home',
      'Vehicle',
      'Motorhome',
    ]);
  });
});
