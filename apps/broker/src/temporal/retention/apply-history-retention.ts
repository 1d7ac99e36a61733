import type { Database } from '../../storage/database.js';
import { quoteIdentifier } from '../../storage/sql-params.js';

/** What one retention pass did for one tenant. */
export interface RetentionResult {
  tenant: string;
  /** Change-log rows deleted. */
  deleted: number;
  /** Why nothing was tried: the tenant keeps history forever, or another process holds it. */
  skipped?: 'forever' | 'busy';
}

export interface RetentionOptions {
  /** Retention of tenants that set none, in seconds; 0 = forever. */
  defaultRetentionSeconds: number;
  now: Date;
  /** Rows per delete statement (each its own short transaction). */
  batchSize?: number;
  /** Statements per tenant and pass, so one huge backlog cannot hold the pass for long. */
  maxBatches?: number;
}

// Any constant (migrations use 4_242_001): one retention pass per tenant at a time, cluster-wide.
const RETENTION_LOCK = 4_242_002;

/**
 * Delete change-log rows (the temporal history) older than each tenant's retention period, in
 * bounded batches. A row the notifier has not consumed yet — after the (txid, seq) position in
 * the tenant's `notifier_cursor` — is never deleted, whatever its age; without a cursor row
 * nothing counts as consumed. Several broker processes may run this at once: a transaction-level
 * advisory lock per tenant lets one work while the others skip that tenant.
 * @example const results = await applyHistoryRetention(db, { defaultRetentionSeconds: 7_776_000, now: new Date() })
 */
export async function applyHistoryRetention(
  db: Database,
  options: RetentionOptions,
): Promise<RetentionResult[]> {
  const batchSize = options.batchSize ?? 10_000;
  const maxBatches = options.maxBatches ?? 100;
  const { rows: tenants } = await db.query<{
    name: string;
    schema_name: string;
    history_retention_seconds: number | null;
  }>('select name, schema_name, history_retention_seconds from legocity.tenant order by name');
  const results: RetentionResult[] = [];
  for (const tenant of tenants) {
    const seconds = tenant.history_retention_seconds ?? options.defaultRetentionSeconds;
    if (seconds === 0) {
      results.push({ tenant: tenant.name, deleted: 0, skipped: 'forever' });
      continue;
    }
    const cutoff = new Date(options.now.getTime() - seconds * 1000).toISOString();
    const schema = quoteIdentifier(tenant.schema_name);
    // Old rows are found through the BRIN index on `at` (tenant migration 004), in no
    // particular order, and deleted by their physical address (change-log rows never move).
    const sql = `with position as (select txid, seq from ${schema}.notifier_cursor limit 1)
      delete from ${schema}.entity_change c
      where c.ctid = any(array(
        select d.ctid from ${schema}.entity_change d, position p
        where d.at < $1 and (d.txid, d.seq) <= (p.txid, p.seq)
        limit $2))`;
    let deleted = 0;
    let isBusy = false;
    for (let batch = 0; batch < maxBatches; batch += 1) {
      const count = await db.transaction(async (tx) => {
        const locked = await tx.query<{ ok: boolean }>(
          'select pg_try_advisory_xact_lock($1, hashtext($2)) as ok',
          [RETENTION_LOCK, tenant.schema_name],
        );
        if (!locked.rows[0]?.ok) return undefined;
        return (await tx.query(sql, [cutoff, batchSize])).rowCount;
      });
      if (count === undefined) {
        isBusy = true;
        break;
      }
      deleted += count;
      if (count < batchSize) break;
    }
    results.push({ tenant: tenant.name, deleted, ...(isBusy ? { skipped: 'busy' as const } : {}) });
  }
  return results;
}
