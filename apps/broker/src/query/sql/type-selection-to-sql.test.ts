import { parseTypeSelection } from '@legocity/ngsi-ld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlParams } from '../../storage/sql-params.js';
import { testDrivers } from '../../testing/test-database.js';
import { expand, openSqlTestTenant, type SqlTestTenant } from './sql-test-tenant.test-support.js';
import { typeSelectionToSql } from './type-selection-to-sql.js';

const ENTITIES = [
  { id: 'urn:e:a', types: ['A'] },
  { id: 'urn:e:b', types: ['B'] },
  { id: 'urn:e:ab', types: ['A', 'B'] },
  { id: 'urn:e:c', types: ['C'] },
  { id: 'urn:e:ac', types: ['A', 'C'] },
  { id: 'urn:e:abc', types: ['A', 'B', 'C'] },
  { id: 'urn:e:iri', types: ['https://schema.org/Place'] },
];

function parsed(text: string) {
  const result = parseTypeSelection(text);
  if (!result.ok) throw new Error(`${text}: ${JSON.stringify(result.problems)}`);
  return result.value;
}

describe('typeSelectionToSql', () => {
  it.each([
    ['A', 'e.types @> $1::text[]', [[`${'https://example.org/ns#'}A`]]],
    ['A|B,C', 'e.types && $1::text[]', [['A', 'B', 'C'].map(expand)]],
    ['(A;B)', 'e.types @> $1::text[]', [['A', 'B'].map(expand)]],
    [
      '(A;B)|C',
      '(e.types && $1::text[] or e.types @> $2::text[])',
      [[expand('C')], ['A', 'B'].map(expand)],
    ],
    [
      'A;(B|C)',
      '(e.types @> $1::text[] and e.types && $2::text[])',
      [[expand('A')], ['B', 'C'].map(expand)],
    ],
  ])('turns %s into one array test per group: %s', (text, sql, values) => {
    const params = new SqlParams();
    expect(
      typeSelectionToSql(parsed(text), { typesColumn: 'e.types', expandType: expand, params }),
    ).toBe(sql);
    expect(params.values).toEqual(values);
  });
});

describe.each(testDrivers())('typeSelectionToSql on %s', (driver) => {
  let tenant: SqlTestTenant;

  beforeAll(async () => {
    tenant = await openSqlTestTenant(driver);
    await tenant.insert(ENTITIES);
  });

  afterAll(async () => {
    await tenant?.close();
  });

  it.each([
    ['A', ['urn:e:a', 'urn:e:ab', 'urn:e:abc', 'urn:e:ac']],
    ['B|C', ['urn:e:ab', 'urn:e:abc', 'urn:e:ac', 'urn:e:b', 'urn:e:c']],
    ['B,C', ['urn:e:ab', 'urn:e:abc', 'urn:e:ac', 'urn:e:b', 'urn:e:c']],
    ['(A;B)', ['urn:e:ab', 'urn:e:abc']],
    ['(A;B)|C', ['urn:e:ab', 'urn:e:abc', 'urn:e:ac', 'urn:e:c']],
    ['(A;B;C)', ['urn:e:abc']],
    ['A;(B|C)', ['urn:e:ab', 'urn:e:abc', 'urn:e:ac']],
    ['(A;B)|(A;C)', ['urn:e:ab', 'urn:e:abc', 'urn:e:ac']],
    ['https://schema.org/Place', ['urn:e:iri']],
    ['D', []],
  ])('selects %s', async (text, expected) => {
    const selection = parsed(text);
    const ids = await tenant.select((params) =>
      typeSelectionToSql(selection, { typesColumn: 'e.types', expandType: expand, params }),
    );
    expect(ids).toEqual(expected);
  });
});
