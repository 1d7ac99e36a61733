import { NgsiLdError, type ActiveContext } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { quoteIdentifier } from '../storage/sql-params.js';
import { readHistory, type History } from './read-history.js';
import type { TemporalQuery } from './temporal-query.js';

/**
 * Retrieve Temporal Evolution of an Entity — ETSI GS CIM 009 v1.8.1 §5.7.3. The history of a
 * deleted entity stays readable until retention removes it (its types are those it had last).
 * ResourceNotFound when the entity neither exists nor has history.
 * @example const history = await retrieveTemporalEvolution(ctx, '', id, { query, attrs: ['speed'] }, context)
 */
export async function retrieveTemporalEvolution(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  request: { query: TemporalQuery; attrs?: readonly string[] },
  context: ActiveContext,
): Promise<History> {
  const tenant = await ctx.tenants.forRead(tenantName);
  const schema = quoteIdentifier(tenant.schema);
  const { rows } = await ctx.db.query<{ types: string[] | null }>(
    `select coalesce(
        (select types from ${schema}.entity where id = $1),
        (select types from ${schema}.entity_change where entity_id = $1 order by seq desc limit 1)
      ) as types`,
    [id],
  );
  const types = rows[0]?.types;
  if (!types) {
    throw new NgsiLdError('ResourceNotFound', `Entity ${id} does not exist and has no history`);
  }
  return readHistory(ctx.db, {
    schema: tenant.schema,
    entities: [{ id, types }],
    attrs: request.attrs?.map((name) => context.expandTerm(name)),
    query: request.query,
    maxInstances: ctx.limits.maxTemporalInstances,
  });
}
