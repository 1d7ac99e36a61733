import { NgsiLdError, type ActiveContext } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { entityConditions } from '../query/entity-conditions.js';
import { isUnrestricted, type EntityQuery } from '../query/entity-query.js';
import { SqlParams } from '../storage/sql-params.js';
import { readHistory, type History } from './read-history.js';
import type { TemporalQuery } from './temporal-query.js';

/**
 * Query Temporal Evolution of Entities — ETSI GS CIM 009 v1.8.1 §5.7.4. Entities are selected
 * (type, id, idPattern, attrs, q, geo-query) on their CURRENT state, as Query Entities does, and
 * paged by id with limit/offset; then their history is read. So a deleted entity is not found by
 * a query (retrieve it by id), and q and geo-queries test today's values, not past ones.
 * @example const { entities } = await queryTemporalEvolution(ctx, '', { selectors: [{ type }], limit: 20, offset: 0, count: false }, query, context)
 */
export async function queryTemporalEvolution(
  ctx: BrokerContext,
  tenantName: string,
  selection: EntityQuery,
  query: TemporalQuery,
  context: ActiveContext,
): Promise<History & { count?: number }> {
  if (isUnrestricted(selection)) {
    throw new NgsiLdError(
      'BadRequestData',
      'The query is too broad: give at least one of type, id, idPattern, attrs, q or a geo-query (georel, geometry, coordinates)',
    );
  }
  const tenant = await ctx.tenants.forRead(tenantName);
  const repository = ctx.repository(tenant);
  const params = new SqlParams();
  const where = entityConditions(selection, context, params, repository.geoTable, {
    withGeo: true,
  });
  let count: number | undefined;
  if (selection.count) {
    const counted = await ctx.db.query<{ n: number }>(
      `select count(*)::int as n from ${repository.entityTable} e where ${where}`,
      params.values,
    );
    count = counted.rows[0]?.n ?? 0;
  }
  if (selection.limit === 0) return { entities: [], ...(count !== undefined ? { count } : {}) };
  const page = `select e.id, e.types from ${repository.entityTable} e where ${where}
    order by e.id limit ${params.add(selection.limit)} offset ${params.add(selection.offset)}`;
  const selected = (await ctx.db.query<{ id: string; types: string[] }>(page, params.values)).rows;
  const history = await readHistory(ctx.db, {
    schema: tenant.schema,
    entities: selected,
    attrs: selection.attrs?.map((name) => context.expandTerm(name)),
    query,
    maxInstances: ctx.limits.maxTemporalInstances,
  });
  return { ...history, ...(count !== undefined ? { count } : {}) };
}
