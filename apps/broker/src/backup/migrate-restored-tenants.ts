import type { Queryable } from '../storage/database.js';
import { migrateTenantSchema, type Migration } from '../storage/migrate.js';
import { backupErrors, type DumpPlace } from './backup-messages.js';
import type { DumpHeader } from './dump-format.js';

/**
 * Bring every restored tenant schema up to this broker's tenant migrations (a dump from an older
 * broker is restored at its own level first, then migrated like any old schema), and create the
 * schema of a restored tenant that had no table in the dump. A tenant row naming a schema the
 * header does not list is refused. Returns the migrations applied and the tenant schemas.
 * @example const { applied, schemas } = await migrateRestoredTenants(tx, { header, migrations, place })
 */
export async function migrateRestoredTenants(
  tx: Queryable,
  options: { header: DumpHeader; migrations: readonly Migration[]; place: DumpPlace },
): Promise<{ applied: number; schemas: string[] }> {
  const { rows } = await tx.query<{ name: string; schema_name: string }>(
    'select name, schema_name from legocity.tenant order by schema_name collate "C"',
  );
  let applied = 0;
  for (const { name, schema_name: schema } of rows) {
    if (!(schema in options.header.migrations.tenants)) {
      throw backupErrors.inconsistent(
        options.place,
        `tenant '${name}' has schema ${schema}, which the header's migrations do not list`,
      );
    }
    applied += await migrateTenantSchema(tx, schema, options.migrations);
    await tx.query('set local search_path to pg_catalog');
  }
  return { applied, schemas: rows.map((row) => row.schema_name) };
}
