import type { ChangeListener } from '../broker-context.js';
import type { Queryable } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';
import { changeRow, type ChangeRow } from './change-rows.js';

/** The PostgreSQL notification channel that says "tenant X has new changes" (payload: X). */
export const CHANGE_CHANNEL = 'legocity_change';

const ROW_SHAPE =
  'r(id text, types text[], trigger text, attrs jsonb, deleted jsonb, at timestamptz)';

/**
 * The change listener that appends every entity change to its tenant's change log, in the
 * writing transaction (one statement per write, however large the batch). The log is the
 * temporal history and the notifier's feed.
 * @example const ctx = createBrokerContext({ db, tenants, onChange: recordChanges(tenants, now) })
 */
export function recordChanges(
  schemaOf: (tenant: string) => string | undefined,
  now: () => string,
): ChangeListener {
  const statements = new Map<string, string>();
  return async (tx: Queryable, changes) => {
    const byTenant = new Map<string, ChangeRow[]>();
    const at = now();
    for (const change of changes) {
      const row = changeRow(change, at);
      if (!row) continue;
      const rows = byTenant.get(change.tenant) ?? [];
      rows.push(row);
      byTenant.set(change.tenant, rows);
    }
    for (const [tenant, rows] of byTenant) {
      const schema = schemaOf(tenant);
      if (!schema) throw new Error(`change for unknown tenant '${tenant}'`);
      let sql = statements.get(schema);
      if (!sql) {
        // pg_notify is delivered on commit only, to every broker process listening.
        sql = `with appended as (
            insert into ${quoteIdentifier(schema)}.entity_change (entity_id, types, trigger, attrs, deleted, at)
            select r.id, r.types, r.trigger, r.attrs, r.deleted, r.at from jsonb_to_recordset($1::jsonb) as ${ROW_SHAPE})
          select pg_notify('${CHANGE_CHANNEL}', $2)`;
        statements.set(schema, sql);
      }
      await tx.query(sql, [JSON.stringify(rows), tenant], {
        prepare: `${schema}.entity_change.insert`,
      });
    }
  };
}
