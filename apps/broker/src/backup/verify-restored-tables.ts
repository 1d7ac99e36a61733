import type { Queryable } from '../storage/database.js';
import { backupErrors, type DumpPlace } from './backup-messages.js';
import { countEntities } from './count-entities.js';
import { tableLabel, type EntityCounts } from './dump-format.js';
import type { LoadedTable } from './load-dump.js';
import { listTenantSchemas } from './migration-levels.js';
import type { ProgressLog } from './progress-log.js';
import { readTable } from './read-state.js';

/**
 * Read every restored table back, inside the restore's transaction, exactly as a dump reads it,
 * and compare with the dump: a value whose text form does not survive the trip into this
 * broker's types (another PostgreSQL or PostGIS version) fails the restore rather than
 * committing something else. Then compare the entity counts with the end line's. Returns them.
 * @example const entities = await verifyRestoredTables(tx, { tables, entities, place, progress })
 */
export async function verifyRestoredTables(
  tx: Queryable,
  options: {
    tables: readonly LoadedTable[];
    entities: EntityCounts;
    place: DumpPlace;
    progress: ProgressLog;
  },
): Promise<EntityCounts> {
  for (const { summary, readBack } of options.tables) {
    const read = await readTable(tx, readBack, { progress: options.progress });
    if (read.rows !== summary.rows || read.sha256 !== summary.sha256) {
      throw backupErrors.readBackDiffers(tableLabel(summary));
    }
  }
  const entities = await countEntities(tx, await listTenantSchemas(tx));
  if (canonical(entities) !== canonical(options.entities)) {
    throw backupErrors.inconsistent(
      options.place,
      "the end line's entity counts differ from the restored entities",
    );
  }
  return entities;
}

/** Entity counts as JSON with tenants and types sorted, so key order does not matter. */
function canonical(counts: EntityCounts): string {
  const sorted = Object.keys(counts)
    .sort()
    .map((tenant) => [
      tenant,
      Object.entries(counts[tenant] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)),
    ]);
  return JSON.stringify(sorted);
}
