import { fail, ok, type Parsed, type Problem } from '@legocity/ngsi-ld';
import {
  DUMP_FORMAT,
  type DumpEnd,
  type DumpHeader,
  type TableStart,
  type TableSummary,
} from './dump-format.js';
import type { RowValues } from './read-table-rows.js';

/** One line of a dump, typed. Rows keep their text: it is what the checksum covers. */
export type DumpLine =
  | { kind: 'header'; header: DumpHeader }
  | { kind: 'table'; table: TableStart }
  | { kind: 'row'; values: RowValues }
  | { kind: 'tableEnd'; summary: TableSummary }
  | { kind: 'end'; end: DumpEnd };

type Json = Record<string, unknown>;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Parse one dump line (decision 0010). Row lines (JSON arrays) must have `columns` values, each a
 * string or null. The header's format version is checked by the caller, which knows which it reads.
 * @example parseDumpLine('["urn:a",null]', 2) // { ok: true, value: { kind: 'row', values: ['urn:a', null] } }
 */
export function parseDumpLine(text: string, columns: number | undefined): Parsed<DumpLine> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail({ field: 'line', message: 'is not valid JSON' });
  }
  if (Array.isArray(json)) return parseRow(json, columns);
  if (!isObject(json)) return fail({ field: 'line', message: 'must be a JSON object or array' });
  if ('format' in json) return parseHeader(json);
  if ('table' in json && isObject(json.table)) return parseTableStart(json.table);
  if ('tableEnd' in json) {
    const summary = parseSummary(json.tableEnd, 'tableEnd');
    return summary.ok ? ok({ kind: 'tableEnd', summary: summary.value }) : summary;
  }
  if ('end' in json) return parseEnd(json.end);
  return fail({ field: 'line', message: 'is not a header, table, row, tableEnd or end line' });
}

function parseRow(values: unknown[], columns: number | undefined): Parsed<DumpLine> {
  if (columns === undefined) return fail({ field: 'row', message: 'comes before any table line' });
  if (values.length !== columns) {
    return fail({
      field: 'row',
      message: `has ${values.length} values; the table has ${columns} columns`,
    });
  }
  const bad = values.findIndex((value) => value !== null && typeof value !== 'string');
  if (bad >= 0) return fail({ field: 'row', message: `value ${bad + 1} must be a string or null` });
  return ok({ kind: 'row', values: values as RowValues });
}

function parseHeader(json: Json): Parsed<DumpLine> {
  const problems: Problem[] = [];
  if (json.format !== DUMP_FORMAT)
    problems.push({ field: 'format', message: `must be "${DUMP_FORMAT}"` });
  if (!Number.isInteger(json.formatVersion))
    problems.push({ field: 'formatVersion', message: 'must be an integer' });
  if (typeof json.brokerVersion !== 'string')
    problems.push({ field: 'brokerVersion', message: 'must be a string' });
  if (json.driver !== 'pglite' && json.driver !== 'postgres')
    problems.push({ field: 'driver', message: 'must be "pglite" or "postgres"' });
  if (typeof json.createdAt !== 'string' || Number.isNaN(Date.parse(json.createdAt)))
    problems.push({ field: 'createdAt', message: 'must be an ISO 8601 date-time' });
  const migrations = json.migrations;
  const tenants = isObject(migrations) ? migrations.tenants : undefined;
  if (
    !isObject(migrations) ||
    !isLevel(migrations.global) ||
    !isObject(tenants) ||
    !Object.values(tenants).every(isLevel)
  ) {
    problems.push({
      field: 'migrations',
      message: 'must be { "global": <version>, "tenants": { "<schema>": <version> } }',
    });
  }
  return problems.length > 0
    ? fail(problems)
    : ok({ kind: 'header', header: json as unknown as DumpHeader });
}

function parseTableStart(json: Json): Parsed<DumpLine> {
  const columns = json.columns;
  const isColumn = (c: unknown) => isObject(c) && isName(c.name) && isName(c.type);
  if (!isName(json.schema) || !isName(json.name)) {
    return fail({ field: 'table', message: 'must have a "schema" and a "name"' });
  }
  if (!Array.isArray(columns) || columns.length === 0 || !columns.every(isColumn)) {
    return fail({
      field: 'table.columns',
      message: 'must be a non-empty list of { "name", "type" }',
    });
  }
  const names = columns.map((c) => (c as Json).name as string);
  if (new Set(names).size !== names.length) {
    return fail({ field: 'table.columns', message: 'must not name a column twice' });
  }
  return ok({ kind: 'table', table: json as unknown as TableStart });
}

function parseSummary(json: unknown, field: string): Parsed<TableSummary> {
  if (
    !isObject(json) ||
    !isName(json.schema) ||
    !isName(json.name) ||
    !isLevel(json.rows) ||
    typeof json.sha256 !== 'string' ||
    !SHA256.test(json.sha256)
  ) {
    return fail({
      field,
      message: 'must be { "schema", "name", "rows": <count>, "sha256": <64 hex> }',
    });
  }
  return ok(json as unknown as TableSummary);
}

function parseEnd(json: unknown): Parsed<DumpLine> {
  if (!isObject(json) || !Array.isArray(json.tables) || !isObject(json.entities)) {
    return fail({ field: 'end', message: 'must be { "tables": [...], "entities": {...} }' });
  }
  for (const table of json.tables) {
    const summary = parseSummary(table, 'end.tables');
    if (!summary.ok) return summary;
  }
  const isCounts = (counts: unknown) => isObject(counts) && Object.values(counts).every(isLevel);
  if (!Object.values(json.entities).every(isCounts)) {
    return fail({ field: 'end.entities', message: 'must map tenants to { "<type>": <count> }' });
  }
  return ok({ kind: 'end', end: json as unknown as DumpEnd });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

function isLevel(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
