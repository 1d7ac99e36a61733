import type { BackupStore } from './backup-store.js';
import { selectRetention, type RetentionPolicy } from './retention.js';

/**
 * Delete the archives of a store that the retention policy does not keep (only files named like
 * our archives are ever considered). Returns the names deleted.
 * @example await applyRetention(folderStore('/var/backups/legocity'), { keepDaily: 7, keepWeekly: 4 })
 */
export async function applyRetention(
  store: BackupStore,
  policy: RetentionPolicy,
): Promise<string[]> {
  const plan = selectRetention(await store.list(), policy);
  for (const name of plan.remove) await store.remove(name);
  return plan.remove;
}
