import type { Database } from '../storage/database.js';
import type { DumpEnd } from './dump-format.js';
import type { ProgressLog } from './progress-log.js';
import { readState } from './read-state.js';
import { inSnapshot } from './text-form-settings.js';

/**
 * What a dump taken now would end with — every table's row count and checksum, entity counts by
 * tenant and type — from ONE snapshot, without the rows. A restore drill compares it with the
 * `end` line of the dump it restored.
 * @example const summary = await summariseState(db, progress)
 */
export async function summariseState(db: Database, progress: ProgressLog): Promise<DumpEnd> {
  return inSnapshot(db, (tx) => readState(tx, { progress }));
}
