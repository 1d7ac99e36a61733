import { describe, expect, it } from 'vitest';
import { parseQ, Q_LIMITS } from './parse-q.js';
import { isTooComplexQuery } from './too-complex.js';
import type { AttributePath, QExpression, QValue } from './q-types.js';

/** An attribute path as parseQ returns it for `text`, with what the test says on top. */
function path(text: string, parts: Partial<AttributePath> = {}): AttributePath {
  return { attribute: text, subAttributes: [], jsonPath: [], text, ...parts };
}
const num = (value: number) => ({ kind: 'number', value }) as const;
const str = (value: string) => ({ kind: 'string', value }) as const;
const cmp = (attribute: string, operator: string, value: QValue): QExpression =>
  ({ kind: 'comparison', path: path(attribute), operator, value }) as QExpression;
const exists = (attribute: string): QExpression => ({
  kind: 'exists',
  path: path(attribute),
  negated: false,
});

function parsed(q: string): QExpression {
  const result = parseQ(q);
  if (!result.ok) throw new Error(`expected ${q} to parse: ${JSON.stringify(result.problems)}`);
  return result.value;
}

function messages(q: string): string[] {
  const result = parseQ(q);
  if (result.ok) throw new Error(`expected ${q} to fail`);
  return result.problems.map((problem) => problem.message);
}

describe('parseQ operators', () => {
  it.each(['==', '!=', '>', '>=', '<', '<='])('reads the comparison operator %s', (operator) => {
    expect(parsed(`speed${operator}50`)).toEqual(cmp('speed', operator, num(50)));
  });

  it('reads ~= as a pattern match and !~= as its negation', () => {
    expect(parsed('name~=^Ber')).toEqual({
      kind: 'pattern',
      path: path('name'),
      negated: false,
      pattern: '^Ber',
      caseInsensitive: false,
    });
    expect(parsed('name!~=^Ber')).toMatchObject({
      kind: 'pattern',
      negated: true,
      pattern: '^Ber',
    });
  });

  it('reads a bare attribute as "the attribute exists"', () => {
    expect(parsed('isMonitoredBy')).toEqual(exists('isMonitoredBy'));
  });

  it('reads !attribute as "the attribute does not exist" (an extension of §4.9)', () => {
    expect(parsed('!isMonitoredBy')).toEqual({
      kind: 'exists',
      path: path('isMonitoredBy'),
      negated: true,
    });
  });
});

describe('parseQ values', () => {
  it.each<[string, QValue]>([
    ['20', num(20)],
    ['-3', num(-3)],
    ['0', num(0)],
    ['2.5', num(2.5)],
    ['-0.25', num(-0.25)],
    ['1e3', num(1000)],
    ['-1.5E-2', num(-0.015)],
    ['"Mercedes"', str('Mercedes')],
    ['""', str('')],
    ['"say \\"hi\\""', str('say "hi"')],
    ['"back\\\\slash"', str('back\\slash')],
    ['"a;b|c)d,e..f"', str('a;b|c)d,e..f')],
    ['"caf\\u00e9"', str('café')],
    ['"tab\\there"', str('tab\there')],
    ['true', { kind: 'boolean', value: true }],
    ['false', { kind: 'boolean', value: false }],
    ['2017-12-24T12:00:00Z', { kind: 'dateTime', value: '2017-12-24T12:00:00.000Z' }],
    ['2017-12-24T13:00:00.5+01:00', { kind: 'dateTime', value: '2017-12-24T12:00:00.500Z' }],
    ['2017-12-24', { kind: 'date', value: '2017-12-24' }],
    ['12:30:00', { kind: 'time', value: '12:30:00' }],
    ['12:30:00.25Z', { kind: 'time', value: '12:30:00.25Z' }],
    ['urn:ngsi-ld:Building:1', { kind: 'uri', value: 'urn:ngsi-ld:Building:1' }],
    ['https://example.org/a.b?c=d', { kind: 'uri', value: 'https://example.org/a.b?c=d' }],
    ['10..20', { kind: 'range', min: num(10), max: num(20) }],
    ['-1.5..2.5', { kind: 'range', min: num(-1.5), max: num(2.5) }],
    ['"a".."m"', { kind: 'range', min: str('a'), max: str('m') }],
    [
      '2017-01-01T00:00:00Z..2017-12-31T23:59:59Z',
      {
        kind: 'range',
        min: { kind: 'dateTime', value: '2017-01-01T00:00:00.000Z' },
        max: { kind: 'dateTime', value: '2017-12-31T23:59:59.000Z' },
      },
    ],
    [
      '08:00:00..17:00:00',
      {
        kind: 'range',
        min: { kind: 'time', value: '08:00:00' },
        max: { kind: 'time', value: '17:00:00' },
      },
    ],
    ['"black","red"', { kind: 'list', values: [str('black'), str('red')] }],
    ['1,2,3', { kind: 'list', values: [num(1), num(2), num(3)] }],
    ['true,"x",7', { kind: 'list', values: [{ kind: 'boolean', value: true }, str('x'), num(7)] }],
    [
      'urn:a:1,urn:a:2',
      {
        kind: 'list',
        values: [
          { kind: 'uri', value: 'urn:a:1' },
          { kind: 'uri', value: 'urn:a:2' },
        ],
      },
    ],
  ])('reads a==%s', (text, value) => {
    expect(parsed(`a==${text}`)).toEqual(cmp('a', '==', value));
  });
});

describe('parseQ logic', () => {
  it.each<[string, QExpression]>([
    ['a;b', { kind: 'and', operands: [exists('a'), exists('b')] }],
    ['a|b', { kind: 'or', operands: [exists('a'), exists('b')] }],
    [
      'a;b|c',
      {
        kind: 'or',
        operands: [{ kind: 'and', operands: [exists('a'), exists('b')] }, exists('c')],
      },
    ],
    [
      'a|b;c',
      {
        kind: 'or',
        operands: [exists('a'), { kind: 'and', operands: [exists('b'), exists('c')] }],
      },
    ],
    [
      '(a|b);c',
      {
        kind: 'and',
        operands: [{ kind: 'or', operands: [exists('a'), exists('b')] }, exists('c')],
      },
    ],
    ['a;(b;c);d', { kind: 'and', operands: [exists('a'), exists('b'), exists('c'), exists('d')] }],
    ['a|(b|c)', { kind: 'or', operands: [exists('a'), exists('b'), exists('c')] }],
    ['((a))', exists('a')],
    [
      '((a|b);c)|d',
      {
        kind: 'or',
        operands: [
          {
            kind: 'and',
            operands: [{ kind: 'or', operands: [exists('a'), exists('b')] }, exists('c')],
          },
          exists('d'),
        ],
      },
    ],
  ])('groups %s by precedence and parentheses', (q, expected) => {
    expect(parsed(q)).toEqual(expected);
  });

  it('reads example 6 of §4.9: ((speed>50|rpm>3000);brandName=="Mercedes")', () => {
    expect(parsed('((speed>50|rpm>3000);brandName=="Mercedes")')).toEqual({
      kind: 'and',
      operands: [
        { kind: 'or', operands: [cmp('speed', '>', num(50)), cmp('rpm', '>', num(3000))] },
        cmp('brandName', '==', str('Mercedes')),
      ],
    });
  });

  it('reads example 7 of §4.9: (temperature>=20;temperature<=25)|capacity<=10', () => {
    expect(parsed('(temperature>=20;temperature<=25)|capacity<=10')).toEqual({
      kind: 'or',
      operands: [
        {
          kind: 'and',
          operands: [cmp('temperature', '>=', num(20)), cmp('temperature', '<=', num(25))],
        },
        cmp('capacity', '<=', num(10)),
      ],
    });
  });
});

describe('parseQ attribute paths', () => {
  it.each<[string, AttributePath]>([
    [
      'temperature.accuracy',
      path('temperature', { subAttributes: ['accuracy'], text: 'temperature.accuracy' }),
    ],
    ['a.b.c', path('a', { subAttributes: ['b', 'c'], text: 'a.b.c' })],
    [
      'temperature.observedAt',
      path('temperature', { member: 'observedAt', text: 'temperature.observedAt' }),
    ],
    [
      'temperature.unitCode',
      path('temperature', { member: 'unitCode', text: 'temperature.unitCode' }),
    ],
    [
      'temperature.datasetId',
      path('temperature', { member: 'datasetId', text: 'temperature.datasetId' }),
    ],
    [
      'temperature.createdAt',
      path('temperature', { member: 'createdAt', text: 'temperature.createdAt' }),
    ],
    [
      'temperature.modifiedAt',
      path('temperature', { member: 'modifiedAt', text: 'temperature.modifiedAt' }),
    ],
    [
      'temperature.accuracy.observedAt',
      path('temperature', {
        subAttributes: ['accuracy'],
        member: 'observedAt',
        text: 'temperature.accuracy.observedAt',
      }),
    ],
    ['address[city]', path('address', { jsonPath: ['city'], text: 'address[city]' })],
    ['a[b][c]', path('a', { jsonPath: ['b', 'c'], text: 'a[b][c]' })],
    ['a[b.c]', path('a', { jsonPath: ['b', 'c'], text: 'a[b.c]' })],
    ['name[*]', path('name', { jsonPath: ['*'], text: 'name[*]' })],
    [
      'sensor.rawdata[airquality.particulate]',
      path('sensor', {
        subAttributes: ['rawdata'],
        jsonPath: ['airquality', 'particulate'],
        text: 'sensor.rawdata[airquality.particulate]',
      }),
    ],
    ['schema:name', path('schema:name')],
    [
      'schema:address.schema:city',
      path('schema:address', {
        subAttributes: ['schema:city'],
        text: 'schema:address.schema:city',
      }),
    ],
    ['https://schema.org/name', path('https://schema.org/name')],
    [
      'https://schema.org/address[city]',
      path('https://schema.org/address', {
        jsonPath: ['city'],
        text: 'https://schema.org/address[city]',
      }),
    ],
    ['température', path('température')],
  ])('reads the path %s', (text, expected) => {
    expect(parsed(`${text}=="x"`)).toEqual({
      kind: 'comparison',
      path: expected,
      operator: '==',
      value: str('x'),
    });
  });

  it('reads observedAt alone as an attribute named observedAt, not a member', () => {
    expect(parsed('observedAt')).toEqual(exists('observedAt'));
  });
});

describe('parseQ patterns', () => {
  it.each([
    ['name~=(?i)^ber', '^ber', true],
    ['name~=(a|b)c', '(a|b)c', false],
    ['name~=[;|)]x', '[;|)]x', false],
    ['name~=[]a]', '[]a]', false],
    ['name~=a\\)b', 'a\\)b', false],
    ['name~=^\\d{3}-\\w+$', '^\\d{3}-\\w+$', false],
  ])('reads %s as the pattern %s', (q, pattern, caseInsensitive) => {
    expect(parsed(q)).toEqual({
      kind: 'pattern',
      path: path('name'),
      negated: false,
      pattern,
      caseInsensitive,
    });
  });

  it('ends a pattern at ; or | outside its own parentheses', () => {
    expect(parsed('name~=a.*;b|c')).toEqual({
      kind: 'or',
      operands: [
        {
          kind: 'and',
          operands: [
            {
              kind: 'pattern',
              path: path('name'),
              negated: false,
              pattern: 'a.*',
              caseInsensitive: false,
            },
            exists('b'),
          ],
        },
        exists('c'),
      ],
    });
  });

  it('ends a pattern at a parenthesis that closes a query group', () => {
    expect(parsed('(name~=^A;b)')).toEqual({
      kind: 'and',
      operands: [
        {
          kind: 'pattern',
          path: path('name'),
          negated: false,
          pattern: '^A',
          caseInsensitive: false,
        },
        exists('b'),
      ],
    });
  });
});

describe('parseQ problems', () => {
  it.each([
    [
      'temperature 20',
      [
        "expected a comparison operator after 'temperature' at position 12, found a space (none is allowed here)",
      ],
    ],
    [
      'temperature=20',
      [
        "expected a comparison operator after 'temperature' at position 12, found '=' (write '==' to test equality)",
      ],
    ],
    [
      'temperature=>20',
      [
        "expected a comparison operator after 'temperature' at position 12, found '=' (write '==' to test equality)",
      ],
    ],
    ['a==', ['expected a value at position 4, found the end of the query']],
    ['a==1;', ['expected an attribute name at position 6, found the end of the query']],
    [';a', ["expected an attribute name at position 1, found ';'"]],
    ['a;;b', ["expected an attribute name at position 3, found ';'"]],
    ['()', ["expected an attribute name at position 2, found ')'"]],
    ['(a;b', ["'(' at position 1 is not closed by ')'"]],
    ['a;b)', ["')' at position 4 closes no '('"]],
    [
      'a==red',
      [
        '\'red\' at position 4 is not a value: quote strings ("red"); numbers, true, false, dates, times, dateTimes and URIs go unquoted',
      ],
    ],
    ['a=="red', ["the string starting at position 4 is not closed (missing '\"')"]],
    ['a=="\\x"', ['the string at position 4 is not a valid JSON string (check its escapes)']],
    [
      'a==2023-02-30',
      [
        "'2023-02-30' at position 4 is not a valid date (YYYY-MM-DD), time (hh:mm:ss) or dateTime (YYYY-MM-DDThh:mm:ssZ)",
      ],
    ],
    [
      'a==12:00',
      [
        "'12:00' at position 4 is not a valid date (YYYY-MM-DD), time (hh:mm:ss) or dateTime (YYYY-MM-DDThh:mm:ssZ)",
      ],
    ],
    ['a==1e999', ["'1e999' at position 4 is too large a number"]],
    ['a==urn:x y', ["'urn:x y' at position 4 is not a valid URI"]],
    ['a==1"b"', ["expected ';', '|' or ')' after the value at position 5, found '\"'"]],
    ['a>true', ["'>' at position 2 needs a number, string, date, time or dateTime, not a boolean"]],
    ['a<urn:x:1', ["'<' at position 2 needs a number, string, date, time or dateTime, not a uri"]],
    ['a>=1..5', ["'>=' at position 2 takes one value; ranges and lists go with '==' or '!='"]],
    ['a<=1,2', ["'<=' at position 2 takes one value; ranges and lists go with '==' or '!='"]],
    ['a==1.."b"', ['range \'1.."b"\' at position 4 mixes a number and a string']],
    [
      'a==true..false',
      [
        "range 'true..false' at position 4 needs numbers, strings, dates, times or dateTimes as bounds",
      ],
    ],
    ['a==5..1', ["range '5..1' at position 4 has its minimum above its maximum"]],
    ['a==1..2,3', ["a list of values cannot hold ranges ('1..2,3' at position 4)"]],
    ['a==1,', ['expected a value at position 6, found the end of the query']],
    [
      'air-quality>1',
      [
        "'air-quality' at position 1 is not a valid attribute name (a letter followed by letters, digits or '_', a compact IRI or an absolute IRI)",
      ],
    ],
    ['a..b==1', ["attribute path 'a..b' has an empty name at position 3"]],
    ['a.==1', ["attribute path 'a.' has an empty name at position 3"]],
    ['address[city==1', ["'[' at position 8 is not closed by ']'"]],
    ['address[]==1', ["'[]' at position 8 needs non-empty keys separated by '.'"]],
    ['a[b]c==1', ["expected a comparison operator after 'a[b]' at position 5, found 'c'"]],
    [
      'a.observedAt[x]==1',
      ["'observedAt' at position 1 is a member of the attribute and has no JSON path"],
    ],
    ['sensor{humidity}==40', ["linked-entity paths ('sensor{…}' at position 1) are not supported"]],
    [
      '!a==1',
      ["'!' at position 1 tests that an attribute does not exist and takes no operator or value"],
    ],
    ['name~=', ['expected a regular expression at position 7, found the end of the query']],
    ['name~=(a', ["the regular expression '(a' at position 7 is invalid: Unterminated group"]],
    [
      'name~=a{2,1}',
      [
        "the regular expression 'a{2,1}' at position 7 is invalid: numbers out of order in {} quantifier",
      ],
    ],
    [
      'name~=(?<n>a)',
      [
        "the regular expression '(?<n>a)' at position 7 uses named groups '(?<name>…)', which POSIX regular expressions lack",
      ],
    ],
    [
      'name~=\\p{L}',
      [
        "the regular expression '\\p{L}' at position 7 uses the escape '\\p', which POSIX regular expressions lack",
      ],
    ],
  ])('rejects %j', (q, expected) => {
    expect(messages(q)).toEqual(expected);
  });

  it('names the q parameter as the field at fault, or the field it is given', () => {
    expect(parseQ('a=1')).toMatchObject({ ok: false, problems: [{ field: 'q' }] });
    expect(parseQ('a=1', 'scopeQ')).toMatchObject({ ok: false, problems: [{ field: 'scopeQ' }] });
  });

  it('rejects an empty query', () => {
    expect(parseQ('')).toEqual({
      ok: false,
      problems: [{ field: 'q', message: 'must not be empty' }],
    });
  });

  it('reports the problems of every term at once', () => {
    expect(messages('a=1;b>true|(c==;d)|e==ok')).toEqual([
      "expected a comparison operator after 'a' at position 2, found '=' (write '==' to test equality)",
      "'>' at position 6 needs a number, string, date, time or dateTime, not a boolean",
      "expected a value at position 16, found ';'",
      '\'ok\' at position 23 is not a value: quote strings ("ok"); numbers, true, false, dates, times, dateTimes and URIs go unquoted',
    ]);
  });

  it('keeps reading after a stray closing parenthesis', () => {
    expect(messages('a);b=1')).toEqual([
      "')' at position 2 closes no '('",
      "expected a comparison operator after 'b' at position 5, found '=' (write '==' to test equality)",
    ]);
  });
});

describe('parseQ limits', () => {
  it(`refuses a query longer than ${Q_LIMITS.maxLength} characters as too complex`, () => {
    const result = parseQ(`a==${'1'.repeat(Q_LIMITS.maxLength)}`);
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'q', message: 'is too complex: it is longer than 4096 characters' }],
    });
    expect(!result.ok && isTooComplexQuery(result.problems)).toBe(true);
  });

  it(`accepts ${Q_LIMITS.maxTerms} terms and refuses one more as too complex`, () => {
    const terms = (count: number) =>
      Array.from({ length: count }, (_, index) => `a${index}`).join(';');
    expect(parseQ(terms(100)).ok).toBe(true);
    const result = parseQ(terms(101));
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'q', message: 'is too complex: it has more than 100 terms' }],
    });
    expect(!result.ok && isTooComplexQuery(result.problems)).toBe(true);
  });

  it(`accepts parentheses nested ${Q_LIMITS.maxDepth} deep and refuses deeper as too complex`, () => {
    const nested = (depth: number) => `${'('.repeat(depth)}a${')'.repeat(depth)}`;
    expect(parseQ(nested(16)).ok).toBe(true);
    expect(parseQ(nested(17))).toEqual({
      ok: false,
      problems: [{ field: 'q', message: 'is too complex: it nests parentheses more than 16 deep' }],
    });
  });

  it('tells a malformed query from a too complex one', () => {
    const result = parseQ('a=1');
    expect(!result.ok && isTooComplexQuery(result.problems)).toBe(false);
  });
});
