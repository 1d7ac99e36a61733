/**
 * EXPLAIN ANALYZE of the query phase's SQL, to see where a query's time goes. The SQL is the
 * broker's own: we run its compiled queryEntities() against a database stand-in that records
 * the statement instead of executing it, then explain that statement on the scratch database.
 * This reaches into the broker's dist/ (internal modules); if they move, only this file breaks.
 */
import { ContextProcessor } from '@legocity/ngsi-ld';
import { DEFAULT_LIMITS } from '../apps/broker/dist/broker-context.js';
import { parseEntityQueryParams } from '../apps/broker/dist/query/parse-entity-query.js';
import { queryEntities } from '../apps/broker/dist/query/query-entities.js';
import { EntityRepository } from '../apps/broker/dist/storage/entity-repository.js';
import { queryParams } from './entity-generator.mjs';

/**
 * The SQL (and its parameters) the broker runs for the query phase's query around `point`,
 * in the default tenant.
 */
export async function brokerQuerySql(point) {
  const recorded = [];
  const recorder = {
    query: async (sql, values) => {
      recorded.push({ sql, values });
      return { rows: [], rowCount: 0 };
    },
  };
  const ctx = {
    db: recorder,
    tenants: { forRead: async () => ({ name: '', schema: 'tenant_default' }) },
    limits: DEFAULT_LIMITS,
    repository: (tenant) => new EntityRepository(tenant.schema),
  };
  const context = await new ContextProcessor(() =>
    Promise.reject(new Error('core context only')),
  ).resolve(undefined);
  await queryEntities(ctx, '', parseEntityQueryParams(queryParams(point), DEFAULT_LIMITS), context);
  const last = recorded.at(-1);
  if (!last) throw new Error('queryEntities ran no SQL');
  return last;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the broker's query around `point` on the scratch database.
 * @example const { sql, plan } = await explainBrokerQuery(db, [2.35, 48.86]);
 */
export async function explainBrokerQuery(db, point) {
  const { sql, values } = await brokerQuerySql(point);
  const { rows } = await db.query(`explain (analyze, buffers) ${sql}`, values);
  return { sql, values, plan: rows.map((row) => row['QUERY PLAN']).join('\n') };
}
