/**
 * The broker dump format (decision 0010): NDJSON, one JSON value per line.
 *
 * 1. `{"format":"legocity-broker-dump","formatVersion":1,…}` — the header.
 * 2. Per table: `{"table":{…}}`, one JSON array per row (each column's text form, null stays
 *    null), `{"tableEnd":{…}}` with the row count and the SHA-256 of the row lines.
 * 3. `{"end":{…}}` — every table's count and checksum, and entity counts. No end line: truncated.
 */
export const DUMP_FORMAT = 'legocity-broker-dump';
export const DUMP_FORMAT_VERSION = 1;
export const NDJSON = 'application/x-ndjson';

/** The schema of broker-wide tables; every other dumped schema belongs to a tenant. */
export const GLOBAL_SCHEMA = 'legocity';

/** How the default tenant (no NGSILD-Tenant header) is named in entity counts. */
export const DEFAULT_TENANT_KEY = '_default';

/** The migration each schema is at: global (`legocity`) and each tenant schema by name. */
export interface MigrationLevels {
  global: number;
  tenants: Record<string, number>;
}

export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  formatVersion: number;
  brokerVersion: string;
  driver: 'pglite' | 'postgres';
  /** When the snapshot was taken (ISO 8601, UTC). */
  createdAt: string;
  migrations: MigrationLevels;
}

export interface DumpColumn {
  name: string;
  /** The column's type as PostgreSQL names it (format_type), e.g. `jsonb`, `text[]`. */
  type: string;
}

export interface TableStart {
  schema: string;
  name: string;
  columns: DumpColumn[];
}

export interface TableSummary {
  schema: string;
  name: string;
  rows: number;
  /** SHA-256 (hex) over the table's row lines, each followed by `\n`, in dump order. */
  sha256: string;
}

/** Entities by tenant (`_default` for the default tenant), then by expanded type IRI. */
export type EntityCounts = Record<string, Record<string, number>>;

/** The last line's content, also what GET /admin/backup/summary answers. */
export interface DumpEnd {
  tables: TableSummary[];
  entities: EntityCounts;
}

/**
 * The line of one row: a JSON array of each column's text form (null stays null).
 * @example rowLine(['urn:a', null]) // '["urn:a",null]'
 */
export function rowLine(values: readonly (string | null)[]): string {
  return JSON.stringify(values);
}

/**
 * The name of a table in messages and logs.
 * @example tableLabel({ schema: 'legocity', name: 'api_key' }) // 'legocity.api_key'
 */
export function tableLabel(table: { schema: string; name: string }): string {
  return `${table.schema}.${table.name}`;
}
