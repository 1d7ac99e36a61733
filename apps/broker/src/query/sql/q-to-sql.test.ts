import { parseQ, type AttributeInstance, type JsonValue } from '@legocity/ngsi-ld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlParams } from '../../storage/sql-params.js';
import { testDrivers } from '../../testing/test-database.js';
import { qToSql } from './q-to-sql.js';
import {
  expand,
  openSqlTestTenant,
  type SqlTestTenant,
  type TestEntity,
} from './sql-test-tenant.test-support.js';

const AT = { createdAt: '2024-01-01T00:00:00.000Z', modifiedAt: '2024-01-01T00:00:00.000Z' };
const prop = (value: JsonValue, extra: Partial<AttributeInstance> = {}): AttributeInstance => ({
  type: 'Property',
  value,
  ...AT,
  ...extra,
});
const id = (name: string) => `urn:ngsi-ld:Thing:${name}`;

const ENTITIES: TestEntity[] = [
  {
    id: id('num20'),
    attrs: {
      temperature: prop(20, {
        observedAt: '2024-05-01T10:00:00.000Z',
        unitCode: 'CEL',
        sub: { [expand('accuracy')]: prop(0.5, { observedAt: '2024-05-01T10:00:00.000Z' }) },
      }),
      name: prop('Alpha'),
      status: prop('ok'),
    },
  },
  {
    id: id('num30'),
    attrs: { temperature: prop(30), name: prop('beta'), tags: prop(['red', 'green']) },
  },
  { id: id('str25'), attrs: { temperature: prop('25'), name: prop('Gamma') } },
  {
    id: id('multi'),
    attrs: {
      temperature: [
        prop(10, { observedAt: '2024-05-01T09:00:00.000Z' }),
        prop(40, { datasetId: 'urn:ngsi-ld:Dataset:raw', observedAt: '2024-05-02T09:00:00.000Z' }),
      ],
    },
  },
  {
    id: id('address'),
    attrs: {
      address: prop({
        city: 'Berlin',
        street: 'Ulrich Strasse',
        zip: 10115,
        nested: { a: { b: 1 } },
      }),
      tags: prop(['blue']),
    },
  },
  {
    id: id('rel'),
    attrs: {
      isParked: { type: 'Relationship', object: 'urn:ngsi-ld:OffStreetParking:Downtown1', ...AT },
      owners: {
        type: 'Relationship',
        object: ['urn:ngsi-ld:Person:1', 'urn:ngsi-ld:Person:2'],
        ...AT,
      },
    },
  },
  {
    id: id('lang'),
    attrs: {
      label: {
        type: 'LanguageProperty',
        languageMap: { en: 'red', fr: 'rouge', de: ['rot', 'Rot'] },
        ...AT,
      },
    },
  },
  {
    id: id('list'),
    attrs: {
      readings: { type: 'ListProperty', valueList: [1, 5, 9], ...AT },
      path: { type: 'ListRelationship', objectList: ['urn:a:1', 'urn:a:2'], ...AT },
    },
  },
  {
    id: id('json'),
    attrs: { config: { type: 'JsonProperty', json: { mode: 'eco', level: 3 }, ...AT } },
  },
  {
    id: id('vocab'),
    attrs: { category: { type: 'VocabProperty', vocab: 'https://example.org/ns#Male', ...AT } },
  },
  {
    id: id('dates'),
    attrs: {
      seen: prop('2024-05-01T10:00:00Z'),
      seenMillis: prop('2024-05-01T10:00:00.250Z'),
      typed: prop({ '@type': 'DateTime', '@value': '2024-06-01T00:00:00Z' }),
      day: prop('2024-05-01'),
      time: prop('10:30:00'),
      flag: prop(true),
    },
  },
  { id: id('quote'), attrs: { name: prop('say "hi" \\ back'), text: prop('line1\nline2') } },
  { id: id('other'), attrs: { other: prop(1) } },
];

const ALL = ENTITIES.map((entity) => entity.id).sort();
const ids = (...names: string[]) => names.map(id).sort();
const except = (...names: string[]) => ALL.filter((entityId) => !names.map(id).includes(entityId));

describe.each(testDrivers())('qToSql on %s', (driver) => {
  let tenant: SqlTestTenant;

  beforeAll(async () => {
    tenant = await openSqlTestTenant(driver);
    await tenant.insert(ENTITIES);
  });

  afterAll(async () => {
    await tenant?.close();
  });

  async function select(q: string): Promise<string[]> {
    const parsed = parseQ(q);
    if (!parsed.ok) throw new Error(`${q}: ${JSON.stringify(parsed.problems)}`);
    return tenant.select((params) =>
      qToSql(parsed.value, { attrsColumn: 'e.attrs', expandAttribute: expand, params }),
    );
  }

  const table = (cases: Array<[string, string[]]>) => cases;

  it.each(
    table([
      ['temperature', ids('num20', 'num30', 'str25', 'multi')],
      ['!temperature', except('num20', 'num30', 'str25', 'multi')],
      ['temperature.accuracy', ids('num20')],
      ['!temperature.accuracy', except('num20')],
      ['temperature.unitCode', ids('num20')],
      ['temperature.datasetId', ids('multi')],
      ['address[city]', ids('address')],
      ['address[country]', []],
      ['label[fr]', ids('lang')],
      ['https://example.org/ns#status', ids('num20')],
    ]),
  )('selects by existence: %s', async (q, expected) => {
    expect(await select(q)).toEqual(expected);
  });

  it.each(
    table([
      ['temperature==20', ids('num20')],
      ['temperature=="25"', ids('str25')],
      ['temperature==25', []],
      ['temperature!=20', ids('num30', 'str25', 'multi')],
      ['temperature!=10', ids('num20', 'num30', 'str25')],
      ['temperature>25', ids('num30', 'multi')],
      ['temperature>=30', ids('num30', 'multi')],
      ['temperature<15', ids('multi')],
      ['temperature<=20', ids('num20', 'multi')],
      ['temperature==20..30', ids('num20', 'num30')],
      ['temperature!=10..30', ids('str25')],
      ['temperature==10,30', ids('num30', 'multi')],
      ['temperature!=10,30', ids('num20', 'str25')],
      ['name=="Alpha"', ids('num20')],
      ['name>"Z"', ids('num30', 'quote')],
      ['name=="a".."c"', ids('num30')],
      ['name=="say \\"hi\\" \\\\ back"', ids('quote')],
      ['text=="line1\\nline2"', ids('quote')],
      ['flag==true', ids('dates')],
      ['flag!=false', ids('dates')],
      ['https://example.org/ns#status=="ok"', ids('num20')],
    ]),
  )('compares Property values: %s', async (q, expected) => {
    expect(await select(q)).toEqual(expected);
  });

  it.each(
    table([
      ['tags=="red"', ids('num30')],
      ['tags!="red"', ids('address')],
      ['tags=="red","blue"', ids('num30', 'address')],
      ['tags>"h"', ids('num30')],
    ]),
  )('compares array values element by element: %s', async (q, expected) => {
    expect(await select(q)).toEqual(expected);
  });

  it.each(
    table([
      ['address[city]=="Berlin"', ids('address')],
      ['address[city]!="Paris"', ids('address')],
      ['address[country]!="Paris"', []],
      ['address[zip]>10000', ids('address')],
      ['address[nested.a.b]==1', ids('address')],
      ['address[nested][a][b]==1', ids('address')],
      ['config[mode]=="eco"', ids('json')],
      ['config[level]>=3', ids('json')],
    ]),
  )('looks into compound and JSON values: %s', async (q, expected) => {
    expect(await select(q)).toEqual(expected);
  });

  it.each(
    table([
      ['temperature.accuracy<1', ids('num20')],
      ['temperature.accuracy.observedAt==2024-05-01T10:00:00Z', ids('num20')],
      ['temperature.unitCode=="CEL"', ids('num20')],
      ['temperature.datasetId==urn:ngsi-ld:Dataset:raw', ids('multi')],
      ['temperature.observedAt>=2024-05-01T10:00:00Z', ids('num20', 'multi')],
      ['temperature.observedAt<2024-05-01T10:00:00Z', ids('multi')],
      ['temperature.observedAt==2024-05-01T12:00:00+02:00', ids('num20')],
    ]),
  )('reads sub-attributes and members: %s', async (q, expected) => {
    expect(await select(q)).toEqual(expected);
  });

  it.each(
    table([
      ['isParked==urn:ngsi-ld:OffStreetParking:Downtown1', ids('rel')],
      ['isParked=="urn:ngsi-ld:OffStreetParking:Downtown1"', ids('rel')],
      ['isParked!=urn:ngsi-ld:OffStreetParking:Downtown1', []],
      ['owners==urn:ngsi-ld:Person:2', ids('rel')],
      ['owners==urn:ngsi-ld:Person:3,urn:ngsi-ld:Person:1', ids('rel')],
      ['owners!=urn:ngsi-ld:Person:2', []],
      ['isParked>"urn"', []],
      ['isParked~=Downtown', []],
      ['path==urn:a:2', ids('list')],
      ['path!=urn:a:3', ids('list')],
    ]),
  )('compares relationship objects with == and != only: %s', async (q, expected) => {
    expect(await select(q)).toEqual(expected);
  });

  it.each(
    table([
      ['label=="rouge"', ids('lang')],
      ['label=="Rot"', ids('lang')],
      ['label[fr]=="rouge"', ids('lang')],
      ['label[en]=="rouge"', []],
      ['label[de]=="rot"', ids('lang')],
      ['label[*]=="red"', ids('lang')],
      ['label!="blue"', ids('lang')],
      ['readings==5', ids('list')],
      ['readings>8', ids('list')],
      ['readings==6..8', []],
      ['readings!=6', ids('list')],
      ['category==https://example.org/ns#Male', ids('vocab')],
    ]),
  )('reads LanguageProperty, ListProperty and VocabProperty values: %s', async (q, expected) => {
    expect(await select(q)).toEqual(expected);
  });

  it.each(
    table([
      ['seen==2024-05-01T10:00:00Z', ids('dates')],
      ['seen==2024-05-01T10:00:00.000Z', ids('dates')],
      ['seen>=2024-05-01T10:00:00Z', ids('dates')],
      ['seen<=2024-05-01T10:00:00Z', ids('dates')],
      ['seen>2024-05-01T10:00:00Z', []],
      ['seen<2024-05-01T10:00:00Z', []],
      ['seen<2024-05-01T10:00:00.5Z', ids('dates')],
      ['seen<=2024-05-01T10:00:00.5Z', ids('dates')],
      ['seen>2024-05-01T09:59:59.999Z', ids('dates')],
      ['seen>=2024-05-01T10:00:00.001Z', []],
      ['seen==2024-05-01T00:00:00Z..2024-05-01T10:00:00Z', ids('dates')],
      ['seenMillis>2024-05-01T10:00:00Z', ids('dates')],
      ['seenMillis<2024-05-01T10:00:01Z', ids('dates')],
      ['typed>2024-01-01T00:00:00Z', ids('dates')],
      ['day==2024-05-01', ids('dates')],
      ['day>2024-04-30', ids('dates')],
      ['time<11:00:00', ids('dates')],
      ['time==10:00:00..11:00:00', ids('dates')],
    ]),
  )('compares dates, times and dateTimes: %s', async (q, expected) => {
    expect(await select(q)).toEqual(expected);
  });

  it.each(
    table([
      ['name~=^[A-Z]', ids('num20', 'str25')],
      ['name~=(?i)^B', ids('num30')],
      ['name!~=^[A-Z]', ids('num30', 'quote')],
      ['name~=\\bhi\\b', ids('quote')],
      ['name~=say "hi" \\\\ back', ids('quote')],
      ['name~=(Alpha|Gamma)$', ids('num20', 'str25')],
      ['text~=line1\\nline2', ids('quote')],
      ['text~=line1.line2', []],
      ['text~=^line2', []],
      ['temperature~=^2', ids('str25')],
      ['temperature!~=3', ids('str25')],
      ['label~=^rou', ids('lang')],
      ['label[en]~=^rou', []],
      ['address[street]~=Strasse$', ids('address')],
    ]),
  )('matches regular expressions on strings only: %s', async (q, expected) => {
    expect(await select(q)).toEqual(expected);
  });

  it.each(
    table([
      ['temperature>25|name=="Gamma"', ids('num30', 'multi', 'str25')],
      ['(temperature>25|name=="Gamma");name~=^G', ids('str25')],
      ['temperature>=20;temperature<=30', ids('num20', 'num30', 'multi')],
      ['temperature;!name', ids('multi')],
      ['(tags=="red"|tags=="blue");!temperature', ids('address')],
      ['status=="ok";name=="Alpha"|isParked', ids('num20', 'rel')],
    ]),
  )('combines terms with and, or and parentheses: %s', async (q, expected) => {
    expect(await select(q)).toEqual(expected);
  });

  it.each([
    '\\x41',
    '\\u0041',
    '\\cA\\t\\0',
    '(?=a)(?!b)(?<=c)(?<!d)',
    '(?:a)+?',
    '[[:alpha:]]+',
    '[\\w-]',
    '[]a]',
    '[^]a]',
    'a{255}',
    'x{,3}',
    '(a)\\1',
    '\\/\\-\\.\\_\\:\\#',
    '\\d\\D\\s\\S\\w\\W',
    '^$',
    '(?i)[a-z]',
  ])('runs the pattern %s that parseQ accepts without a database error', async (pattern) => {
    await expect(select(`name~=${pattern}`)).resolves.toBeInstanceOf(Array);
  });

  it('runs every query parseQ accepts among a thousand random ones without a database error', async () => {
    const accepted = randomQueries(1000).filter((q) => parseQ(q).ok);
    expect(accepted.length).toBeGreaterThan(100);
    for (const q of accepted) await expect(select(q), q).resolves.toBeInstanceOf(Array);
  });

  it('binds every value as a parameter, jsonpath included', () => {
    const parsed = parseQ('name=="x\' or 1=1 --";temperature>20');
    if (!parsed.ok) throw new Error('expected q to parse');
    const params = new SqlParams();
    const sql = qToSql(parsed.value, { attrsColumn: 'e.attrs', expandAttribute: expand, params });
    expect(sql).toBe(
      '(jsonb_path_exists(e.attrs, $1::jsonpath, $2::jsonb) and jsonb_path_exists(e.attrs, $3::jsonpath, $4::jsonb))',
    );
    expect(params.values[1]).toBe('{"v0":"x\' or 1=1 --"}');
  });
});

/** Queries built from q's own pieces, valid or not, from a fixed seed (mulberry32). */
function randomQueries(count: number): string[] {
  let seed = 42;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const paths = [
    'temperature',
    'name',
    'tags',
    'address[city]',
    'label[fr]',
    'temperature.observedAt',
    'owners',
    'seen',
    'a.b[c][*]',
  ];
  const operators = ['==', '!=', '>', '>=', '<', '<=', '~=', '!~=', ''];
  const values = [
    '20',
    '-1.5e2',
    '"x"',
    '"a\\"b"',
    'true',
    '2024-05-01T10:00:00Z',
    '2024-05-01',
    '10:00:00',
    'urn:a:1',
    '1..5',
    '"a".."z"',
    '1,2',
    '^A.*',
    '(a|b)',
  ];
  const term = () => {
    const operator = pick(operators);
    return `${random() < 0.1 ? '!' : ''}${pick(paths)}${operator}${operator ? pick(values) : ''}`;
  };
  const expression = (depth: number): string => {
    const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
      depth < 2 && random() < 0.3 ? `(${expression(depth + 1)})` : term(),
    );
    return parts.map((part, index) => (index === 0 ? part : `${pick([';', '|'])}${part}`)).join('');
  };
  return Array.from({ length: count }, () => expression(0));
}
