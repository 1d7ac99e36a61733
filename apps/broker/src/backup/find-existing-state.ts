import type { Queryable } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';
import { listTenantSchemas } from './migration-levels.js';

/** Who created the keys a broker makes for itself (auth/ensure-admin-key.ts). */
const BROKER_MADE_KEYS = ['broker', 'LEGOCITY_BROKER_ADMIN_KEY'];

/**
 * What a broker holds that a restore would overwrite, by kind; all zero means the broker is empty:
 * no entities or history in any tenant, no subscriptions, no tenant but the default, no hosted
 * @context, no API key except the caller's and the ones the broker made for itself (bootstrap or
 * configured admin key). Audit events and cached @contexts do not count.
 * @example await findExistingState(tx, callerKeyId) // { entities: 0, 'history rows': 0, … }
 */
export async function findExistingState(
  tx: Queryable,
  callerKeyId: string | undefined,
): Promise<Record<string, number>> {
  const found: Record<string, number> = {
    entities: 0,
    'history rows': 0,
    subscriptions: 0,
    tenants: 0,
    'hosted @contexts': 0,
    'API keys': 0,
  };
  const add = (kind: string, n: number | undefined) => {
    found[kind] = (found[kind] ?? 0) + (n ?? 0);
  };
  for (const { tenant, schema } of await listTenantSchemas(tx)) {
    const s = quoteIdentifier(schema);
    const { rows } = await tx.query<{ entities: number; history: number; subscriptions: number }>(
      `select (select count(*)::int from ${s}.entity) as entities,
              (select count(*)::int from ${s}.entity_change) as history,
              (select count(*)::int from ${s}.subscription) as subscriptions`,
    );
    add('entities', rows[0]?.entities);
    add('history rows', rows[0]?.history);
    add('subscriptions', rows[0]?.subscriptions);
    if (tenant !== '') add('tenants', 1);
  }
  const { rows } = await tx.query<{ contexts: number; keys: number }>(
    `select (select count(*)::int from legocity.jsonld_context where kind = 'Hosted') as contexts,
            (select count(*)::int from legocity.api_key
             where id is distinct from $1 and coalesce(created_by, '') <> all($2::text[])) as keys`,
    [callerKeyId ?? null, BROKER_MADE_KEYS],
  );
  add('hosted @contexts', rows[0]?.contexts);
  add('API keys', rows[0]?.keys);
  return found;
}
