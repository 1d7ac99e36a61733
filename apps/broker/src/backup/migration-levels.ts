import type { Queryable } from '../storage/database.js';
import type { Migration } from '../storage/migrate.js';
import { GLOBAL_SCHEMA, type MigrationLevels } from './dump-format.js';

/**
 * The migration each schema is at (the highest version applied; migrations apply in order), for
 * the global schema and the given tenant schemas.
 * @example await readMigrationLevels(tx, ['tenant_default']) // { global: 4, tenants: { tenant_default: 4 } }
 */
export async function readMigrationLevels(
  tx: Queryable,
  tenantSchemas: readonly string[],
): Promise<MigrationLevels> {
  const { rows } = await tx.query<{ schema_name: string; version: number }>(
    `select schema_name, max(version)::int as version from legocity.schema_migration
     where schema_name = any($1::text[]) group by schema_name`,
    [[GLOBAL_SCHEMA, ...tenantSchemas]],
  );
  const levels = new Map(rows.map((row) => [row.schema_name, row.version]));
  return {
    global: levels.get(GLOBAL_SCHEMA) ?? 0,
    tenants: Object.fromEntries(tenantSchemas.map((schema) => [schema, levels.get(schema) ?? 0])),
  };
}

/** The highest version among migrations (0 when there are none). */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((highest, migration) => Math.max(highest, migration.version), 0);
}

/**
 * The tenant schemas of the broker, by schema name (byte order), with their tenant names.
 * @example await listTenantSchemas(tx) // [{ tenant: '', schema: 'tenant_default' }]
 */
export async function listTenantSchemas(
  tx: Queryable,
): Promise<{ tenant: string; schema: string }[]> {
  const { rows } = await tx.query<{ name: string; schema_name: string }>(
    'select name, schema_name from legocity.tenant order by schema_name collate "C"',
  );
  return rows.map((row) => ({ tenant: row.name, schema: row.schema_name }));
}
