import type { Queryable } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';
import { DEFAULT_TENANT_KEY, type EntityCounts } from './dump-format.js';

/**
 * Entities per tenant and type (an entity with two types counts under both), types as stored
 * (expanded IRIs). The default tenant is `_default`: tenant names cannot start with `_`.
 * @example await countEntities(tx, [{ tenant: '', schema: 'tenant_default' }]) // { _default: { 'https://…/Sensor': 3 } }
 */
export async function countEntities(
  tx: Queryable,
  tenants: readonly { tenant: string; schema: string }[],
): Promise<EntityCounts> {
  const counts: EntityCounts = {};
  for (const { tenant, schema } of tenants) {
    const { rows } = await tx.query<{ type: string; n: number }>(
      `select t.type, count(*)::int as n
       from ${quoteIdentifier(schema)}.entity e cross join lateral unnest(e.types) as t(type)
       group by t.type order by t.type collate "C"`,
    );
    counts[tenant === '' ? DEFAULT_TENANT_KEY : tenant] = Object.fromEntries(
      rows.map((row) => [row.type, row.n]),
    );
  }
  return counts;
}
