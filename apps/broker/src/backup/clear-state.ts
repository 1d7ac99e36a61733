import type { Queryable } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';
import { GLOBAL_SCHEMA } from './dump-format.js';
import { listDumpTables } from './list-dump-tables.js';
import { listTenantSchemas } from './migration-levels.js';

/**
 * Remove everything a dump restores, inside the restore's transaction (a rollback brings it all
 * back): drop every tenant schema and its migration records, empty every dumped global table
 * (referencing tables first). Migration records of the global schema stay: it is not recreated.
 * @example await clearState(tx)
 */
export async function clearState(tx: Queryable): Promise<{ tenantSchemas: number }> {
  const tenants = await listTenantSchemas(tx);
  for (const { schema } of tenants) {
    await tx.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`);
  }
  await tx.query('delete from legocity.schema_migration where schema_name <> $1', [GLOBAL_SCHEMA]);
  const globalTables = await listDumpTables(tx, [GLOBAL_SCHEMA]);
  for (const table of [...globalTables].reverse()) {
    await tx.query(`delete from ${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`);
  }
  return { tenantSchemas: tenants.length };
}
