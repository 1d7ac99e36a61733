import type { Queryable } from '../storage/database.js';
import type { Migration } from '../storage/migrate.js';
import { GLOBAL_SCHEMA, type DumpHeader } from './dump-format.js';
import { listDumpTables } from './list-dump-tables.js';
import type { DumpLoader } from './load-dump.js';
import { migrateRestoredTenants } from './migrate-restored-tenants.js';
import { ProgressLog, type ProgressLogger } from './progress-log.js';
import { resetNotifierCursors } from './reset-notifier-cursors.js';
import { resetSequences } from './reset-sequences.js';
import type { RestoreResult } from './restore-state.js';
import { verifyRestoredTables } from './verify-restored-tables.js';

/**
 * A restore after its last line, in its transaction: read every table back and compare it with
 * the dump, migrate tenant schemas from an older broker, reset sequences and the notifiers.
 * Returns the result so far (no caller key, no duration yet).
 * @example const result = await finishRestore(tx, { logger, header, loaded, tenantMigrations })
 */
export async function finishRestore(
  tx: Queryable,
  parts: {
    logger: ProgressLogger;
    header: DumpHeader;
    loaded: ReturnType<DumpLoader['finish']>;
    tenantMigrations: readonly Migration[];
  },
): Promise<RestoreResult> {
  const { loaded, header } = parts;
  const place = { line: loaded.endLine };
  const check = new ProgressLog(parts.logger, 'Restore check');
  const entities = await verifyRestoredTables(tx, {
    tables: loaded.tables,
    entities: loaded.end.entities,
    place,
    progress: check,
  });
  check.done();
  const tenants = await migrateRestoredTenants(tx, {
    header,
    migrations: parts.tenantMigrations,
    place,
  });
  await resetSequences(tx, await listDumpTables(tx, [GLOBAL_SCHEMA, ...tenants.schemas]));
  await resetNotifierCursors(tx, tenants.schemas);
  return {
    tables: loaded.tables.map(({ summary: { schema, name, rows } }) => ({ schema, name, rows })),
    entities,
    durationMs: 0,
    migrationsApplied: tenants.applied,
  };
}
