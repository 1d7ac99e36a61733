import type { Database } from '../storage/database.js';
import {
  DUMP_FORMAT,
  DUMP_FORMAT_VERSION,
  GLOBAL_SCHEMA,
  type DumpEnd,
  type DumpHeader,
} from './dump-format.js';
import { listTenantSchemas, readMigrationLevels } from './migration-levels.js';
import type { ProgressLog } from './progress-log.js';
import { readState, type DumpSink } from './read-state.js';
import { inSnapshot } from './text-form-settings.js';
import { listDumpTables } from './list-dump-tables.js';

export interface DumpOptions {
  db: Database;
  brokerVersion: string;
  /** Receives the dump, a few lines at a time; awaited, so a slow reader slows the dump. */
  sink: DumpSink;
  progress: ProgressLog;
}

/**
 * Write a logical dump of the broker's whole state (decision 0010) from ONE snapshot: the header,
 * every table of the global schema and of every tenant schema (found in the catalog), and the end
 * line with each table's row count and checksum and the entity counts. Never logs row contents
 * (key hashes are in the dump). An error or a closed sink leaves the dump without its end line.
 * @example const end = await dumpState({ db, brokerVersion: '0.1.0', sink, progress })
 */
export async function dumpState(options: DumpOptions): Promise<DumpEnd> {
  const { db, sink, progress } = options;
  return inSnapshot(db, async (tx) => {
    const tenantSchemas = (await listTenantSchemas(tx)).map((tenant) => tenant.schema);
    const { rows } = await tx.query<{ at: string }>('select now() as at');
    const header: DumpHeader = {
      format: DUMP_FORMAT,
      formatVersion: DUMP_FORMAT_VERSION,
      brokerVersion: options.brokerVersion,
      driver: db.driver,
      createdAt: new Date(rows[0]?.at ?? Date.now()).toISOString(),
      migrations: await readMigrationLevels(tx, tenantSchemas),
    };
    await sink(`${JSON.stringify(header)}\n`);
    const tables = await listDumpTables(tx, [GLOBAL_SCHEMA, ...tenantSchemas]);
    const end = await readState(tx, { progress, sink, tables });
    await sink(`${JSON.stringify({ end })}\n`);
    return end;
  });
}
