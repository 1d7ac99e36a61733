import { NgsiLdError } from '@legocity/ngsi-ld';
import { auditStore } from '../auth/audit-log.js';
import type { Database, Queryable } from '../storage/database.js';
import { loadMigrations } from '../storage/migrate.js';
import { backupErrors } from './backup-messages.js';
import { clearState } from './clear-state.js';
import { finishRestore } from './finish-restore.js';
import { GLOBAL_SCHEMA, type DumpHeader, type EntityCounts } from './dump-format.js';
import { findExistingState } from './find-existing-state.js';
import { keepCallerKey, saveCallerKey, type CallerKeyOutcome } from './keep-caller-key.js';
import { listDumpTables } from './list-dump-tables.js';
import { DumpLoader } from './load-dump.js';
import { readMigrationLevels } from './migration-levels.js';
import type { NumberedLine } from './ndjson-lines.js';
import { ProgressLog, type ProgressLogger } from './progress-log.js';
import { readDumpHeader } from './read-dump-header.js';
import { useTextFormSettings } from './text-form-settings.js';

export interface RestoreOptions {
  db: Database;
  /** The dump, line by line (ndjsonLines of the request body). */
  lines: AsyncIterable<NumberedLine>;
  /** Replace a broker that holds data; without it, only an empty broker is restored into. */
  replace: boolean;
  /** The key that asked (kept valid after the restore); undefined with access control off. */
  caller: { keyId: string; name: string } | undefined;
  logger: ProgressLogger;
}

export interface RestoreResult {
  tables: { schema: string; name: string; rows: number }[];
  entities: EntityCounts;
  durationMs: number;
  /** Tenant migrations run after loading a dump from an older broker. */
  migrationsApplied: number;
  callerKey?: CallerKeyOutcome;
}

// Any constant: one restore at a time across broker processes sharing one PostgreSQL.
const RESTORE_LOCK = 4_242_003;

/**
 * Restore a dump (decision 0010) all or nothing, in ONE transaction: refuse a broker that holds
 * data unless `replace`; check the header (format version, migration levels not newer than this
 * broker's); clear the state; load every table, checking every row, count and checksum; read it
 * all back and compare; migrate older tenant schemas; reset sequences and the notifier; keep the
 * caller's key; audit. Any problem throws an NgsiLdError (400 naming the line and table, 409) and
 * the transaction rolls back: the broker is left exactly as it was. Callers then make the
 * process forget what it cached (keys, contexts, tenants, notifier).
 * @example const result = await restoreState({ db, lines: ndjsonLines(body, max), replace: false, caller, logger })
 */
export async function restoreState(options: RestoreOptions): Promise<RestoreResult> {
  const migrations = {
    global: await loadMigrations('global'),
    tenant: await loadMigrations('tenant'),
  };
  const progress = new ProgressLog(options.logger, 'Restore');
  const lines = options.lines[Symbol.asyncIterator]();
  const result = await inTransaction(options, async (tx) => {
    await claimTarget(tx, options);
    const header = await readDumpHeader(lines, migrations);
    const apiKeyTable = (await listDumpTables(tx, [GLOBAL_SCHEMA])).find(
      (t) => t.name === 'api_key',
    );
    const saved =
      options.caller && apiKeyTable
        ? await saveCallerKey(tx, apiKeyTable, options.caller.keyId)
        : undefined;
    await clearState(tx);
    const globalLevel = (await readMigrationLevels(tx, [])).global;
    const loader = new DumpLoader({
      tx,
      header,
      tenantMigrations: migrations.tenant,
      globalLevel,
      progress,
    });
    for (let next = await lines.next(); !next.done; next = await lines.next())
      await loader.take(next.value);
    const restored = await finishRestore(tx, {
      logger: options.logger,
      header,
      loaded: loader.finish(),
      tenantMigrations: migrations.tenant,
    });
    const callerKey = saved && (await keepCallerKey(tx, saved));
    if (callerKey) restored.callerKey = callerKey;
    await audit(tx, options, header, restored);
    return restored;
  });
  result.durationMs = progress.elapsedMs;
  progress.done({ replace: options.replace, migrationsApplied: result.migrationsApplied });
  return result;
}

/** One restore at a time, with fixed text forms, into an empty broker unless `replace`. */
async function claimTarget(tx: Queryable, options: RestoreOptions): Promise<void> {
  const { rows } = await tx.query<{ locked: boolean }>(
    'select pg_try_advisory_xact_lock($1) as locked',
    [RESTORE_LOCK],
  );
  if (!rows[0]?.locked) throw backupErrors.restoreRunning();
  await useTextFormSettings(tx);
  if (options.replace) return;
  const found = await findExistingState(tx, options.caller?.keyId);
  if (Object.values(found).some((n) => n > 0)) throw backupErrors.notEmpty(found);
}

/**
 * The restore's transaction. A refusal rolls it back and is logged with its message (it names
 * lines and tables, never a value); it writes no audit event: the broker stays exactly as it was.
 */
async function inTransaction<T>(
  options: RestoreOptions,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  try {
    return await options.db.transaction(fn);
  } catch (error) {
    if (error instanceof NgsiLdError) {
      options.logger.warn({ status: error.status, detail: error.message }, 'Restore refused');
    }
    throw error;
  }
}

function actorOf(options: RestoreOptions): { actorKeyId?: string; actorName?: string } {
  return options.caller ? { actorKeyId: options.caller.keyId, actorName: options.caller.name } : {};
}

async function audit(
  tx: Queryable,
  options: RestoreOptions,
  header: DumpHeader,
  result: RestoreResult,
): Promise<void> {
  await auditStore.insert(tx, {
    ...actorOf(options),
    action: 'backup.restored',
    outcome: 'success',
    detail: {
      replace: options.replace,
      dump: {
        createdAt: header.createdAt,
        brokerVersion: header.brokerVersion,
        driver: header.driver,
      },
      tables: result.tables.length,
      rows: result.tables.reduce((sum, table) => sum + table.rows, 0),
      migrationsApplied: result.migrationsApplied,
      ...(result.callerKey ? { callerKey: result.callerKey } : {}),
    },
  });
}
