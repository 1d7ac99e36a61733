import { describe, expect, it } from 'vitest';
import { parseDumpLine } from './parse-dump-line.js';

const HEADER = {
  format: 'legocity-broker-dump',
  formatVersion: 1,
  brokerVersion: '0.1.0',
  driver: 'pglite',
  createdAt: '2026-01-01T00:00:00.000Z',
  migrations: { global: 4, tenants: { tenant_default: 4 } },
};
const SHA = 'a'.repeat(64);

describe('parseDumpLine', () => {
  it('reads a header, a table line, a row, a tableEnd and an end line', () => {
    expect(parseDumpLine(JSON.stringify(HEADER), undefined)).toEqual({
      ok: true,
      value: { kind: 'header', header: HEADER },
    });
    const table = { schema: 'legocity', name: 'tenant', columns: [{ name: 'name', type: 'text' }] };
    expect(parseDumpLine(JSON.stringify({ table }), undefined)).toEqual({
      ok: true,
      value: { kind: 'table', table },
    });
    expect(parseDumpLine('["a",null]', 2)).toEqual({
      ok: true,
      value: { kind: 'row', values: ['a', null] },
    });
    const summary = { schema: 'legocity', name: 'tenant', rows: 2, sha256: SHA };
    expect(parseDumpLine(JSON.stringify({ tableEnd: summary }), undefined)).toMatchObject({
      ok: true,
      value: { kind: 'tableEnd' },
    });
    const end = { tables: [summary], entities: { _default: { Sensor: 3 } } };
    expect(parseDumpLine(JSON.stringify({ end }), undefined)).toEqual({
      ok: true,
      value: { kind: 'end', end },
    });
  });

  it('names every problem of a header at once', () => {
    const parsed = parseDumpLine(
      JSON.stringify({ ...HEADER, format: 'pg_dump', driver: 'mysql', migrations: {} }),
      undefined,
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { field: 'format', message: 'must be "legocity-broker-dump"' },
        { field: 'driver', message: 'must be "pglite" or "postgres"' },
        {
          field: 'migrations',
          message: 'must be { "global": <version>, "tenants": { "<schema>": <version> } }',
        },
      ],
    });
  });

  it('refuses rows of the wrong width, with other values than text, or outside a table', () => {
    expect(parseDumpLine('["a"]', 2)).toMatchObject({
      ok: false,
      problems: [{ message: 'has 1 values; the table has 2 columns' }],
    });
    expect(parseDumpLine('["a",1]', 2)).toMatchObject({
      ok: false,
      problems: [{ message: 'value 2 must be a string or null' }],
    });
    expect(parseDumpLine('["a"]', undefined)).toMatchObject({
      ok: false,
      problems: [{ message: 'comes before any table line' }],
    });
  });

  it('refuses lines that are not JSON or not a dump line', () => {
    expect(parseDumpLine('{', 1)).toMatchObject({
      ok: false,
      problems: [{ message: 'is not valid JSON' }],
    });
    expect(parseDumpLine('{"rows":[]}', 1)).toMatchObject({
      ok: false,
      problems: [{ field: 'line' }],
    });
    expect(
      parseDumpLine('{"tableEnd":{"schema":"s","name":"t","rows":-1,"sha256":"x"}}', 1),
    ).toMatchObject({
      ok: false,
      problems: [{ field: 'tableEnd' }],
    });
    const twice = {
      table: {
        schema: 's',
        name: 't',
        columns: [
          { name: 'a', type: 'text' },
          { name: 'a', type: 'text' },
        ],
      },
    };
    expect(parseDumpLine(JSON.stringify(twice), undefined)).toMatchObject({
      ok: false,
      problems: [{ message: 'must not name a column twice' }],
    });
  });
});
