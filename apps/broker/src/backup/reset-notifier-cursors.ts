import type { Queryable } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';

/**
 * Put each restored tenant's notifier at the end of its restored change log, so restored history
 * is not notified again. Restored change rows carry the restore's transaction id (dumps leave
 * transaction ids out: they mean nothing on another cluster), so the cursor takes that id and the
 * largest restored seq; every later change sorts after it (decision 0006). Notifications that were
 * queued at backup time are in the restored outbox and are still delivered.
 * @example await resetNotifierCursors(tx, ['tenant_default'])
 */
export async function resetNotifierCursors(
  tx: Queryable,
  tenantSchemas: readonly string[],
): Promise<void> {
  for (const schema of tenantSchemas) {
    const s = quoteIdentifier(schema);
    await tx.query(`delete from ${s}.notifier_cursor`);
    await tx.query(
      `insert into ${s}.notifier_cursor (txid, seq)
       select pg_current_xact_id(), coalesce(max(seq), 0) from ${s}.entity_change`,
    );
  }
}
