import type { Queryable } from '../storage/database.js';
import { GLOBAL_SCHEMA, type DumpColumn } from './dump-format.js';
import { sortByForeignKeys } from './sort-by-foreign-keys.js';

/** A table as a dump reads it: the columns it holds (from the catalog) and its primary key. */
export interface DumpTable {
  schema: string;
  name: string;
  columns: (DumpColumn & { collatable: boolean })[];
  /** The primary key's columns, in key order; empty when the table has none. */
  primaryKey: string[];
}

/**
 * Tables left out of every dump, and why: they hold nothing a restore could use.
 * Everything else the migrations create is found in the catalog, so a new table is never forgotten.
 */
export const DERIVED_TABLES: Readonly<Record<string, string>> = {
  [`${GLOBAL_SCHEMA}.schema_migration`]:
    'migration bookkeeping: the header carries the levels, and the restore writes it by migrating',
  'tenant.notifier_cursor':
    "a position among the source cluster's transaction ids; the restore puts the notifier at the end of the restored change log",
};

// Transaction ids (and positions in the write-ahead log) mean nothing on another cluster: such
// columns are left out, and take their default on restore (entity_change.txid: the restore's own).
const CLUSTER_LOCAL_TYPES = `'xid'::regtype, 'xid8'::regtype, 'cid'::regtype, 'tid'::regtype,
  'pg_lsn'::regtype, 'pg_snapshot'::regtype, 'txid_snapshot'::regtype`;

interface ColumnRow {
  schema: string;
  table: string;
  name: string;
  type: string;
  collatable: boolean;
}

/**
 * Every table of the given schemas (the global one and tenant schemas) that a dump holds, from
 * the catalog: schemas in the order given, tables by foreign keys then name. Ordinary and
 * partitioned tables; not partitions (read through their parent), not extensions' tables.
 * Run with text-form settings (useTextFormSettings) so type names are schema-qualified alike.
 * @example const tables = await listDumpTables(tx, ['legocity', 'tenant_default'])
 */
export async function listDumpTables(
  tx: Queryable,
  schemas: readonly string[],
): Promise<DumpTable[]> {
  const { rows: columns } = await tx.query<ColumnRow>(
    `select n.nspname as schema, c.relname as table, a.attname as name,
            format_type(a.atttypid, a.atttypmod) as type, t.typcollation <> 0 as collatable
     from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
     join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     join pg_type t on t.oid = a.atttypid
     where n.nspname = any($1::text[]) and c.relkind in ('r', 'p') and not c.relispartition
       and a.attgenerated = '' and a.atttypid not in (${CLUSTER_LOCAL_TYPES})
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                       and d.objid = c.oid and d.deptype = 'e')
     order by a.attnum`,
    [schemas],
  );
  const { rows: keys } = await tx.query<{ schema: string; table: string; name: string }>(
    `select n.nspname as schema, c.relname as table, a.attname as name
     from pg_index i
     join pg_class c on c.oid = i.indrelid
     join pg_namespace n on n.oid = c.relnamespace
     cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, position)
     join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
     where i.indisprimary and n.nspname = any($1::text[])
     order by k.position`,
    [schemas],
  );
  const { rows: references } = await tx.query<{ schema: string; table: string; ref: string }>(
    `select n.nspname as schema, c.relname as table, r.relname as ref
     from pg_constraint k
     join pg_class c on c.oid = k.conrelid
     join pg_namespace n on n.oid = c.relnamespace
     join pg_class r on r.oid = k.confrelid and r.relnamespace = c.relnamespace
     where k.contype = 'f' and n.nspname = any($1::text[])`,
    [schemas],
  );
  const tables = new Map<string, DumpTable>();
  for (const column of columns) {
    if (isDerived(column.schema, column.table)) continue;
    const id = `${column.schema}.${column.table}`;
    const table = tables.get(id) ?? {
      schema: column.schema,
      name: column.table,
      columns: [],
      primaryKey: [],
    };
    table.columns.push({ name: column.name, type: column.type, collatable: column.collatable });
    tables.set(id, table);
  }
  for (const key of keys) tables.get(`${key.schema}.${key.table}`)?.primaryKey.push(key.name);
  const ordered: DumpTable[] = [];
  for (const schema of schemas) {
    const inSchema = [...tables.values()].filter((table) => table.schema === schema);
    const names = sortByForeignKeys(
      inSchema.map((table) => ({
        name: table.name,
        references: references
          .filter((r) => r.schema === schema && r.table === table.name)
          .map((r) => r.ref),
      })),
    );
    for (const name of names) ordered.push(tables.get(`${schema}.${name}`)!);
  }
  return ordered;
}

/** Whether a table is left out of dumps (DERIVED_TABLES), in the global or a tenant schema. */
export function isDerived(schema: string, table: string): boolean {
  const kind = schema === GLOBAL_SCHEMA ? GLOBAL_SCHEMA : 'tenant';
  return `${kind}.${table}` in DERIVED_TABLES;
}

/**
 * The columns a table's rows are read in order of: its primary key, or, without one (or with one
 * on a column dumps leave out), every dumped column, so the order is total either way.
 * @example rowOrder(entityTable) // ['id']
 */
export function rowOrder(table: DumpTable): string[] {
  const dumped = new Set(table.columns.map((column) => column.name));
  const isUsable =
    table.primaryKey.length > 0 && table.primaryKey.every((name) => dumped.has(name));
  return isUsable ? table.primaryKey : table.columns.map((column) => column.name);
}
