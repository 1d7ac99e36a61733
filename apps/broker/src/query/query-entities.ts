import { NgsiLdError, type ActiveContext, type Entity } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { keepAttributes } from '../entities/retrieve-entity.js';
import { ENTITY_COLUMNS, rowToEntity, type EntityRow } from '../storage/entity-rows.js';
import { SqlParams } from '../storage/sql-params.js';
import { entityConditions } from './entity-conditions.js';
import { isUnrestricted, type EntityQuery } from './entity-query.js';
import { isBoundedNear, nearestPage } from './nearest-page.js';

export interface QueryResult {
  entities: Entity[];
  /** Total number of matches, when the query asked for it (NGSILD-Results-Count). */
  count?: number;
}

/**
 * Query Entities — ETSI GS CIM 009 v1.8.1 §5.7.2. Results come in a stable order so that
 * limit/offset paging neither skips nor repeats entities: by entity id, or — for
 * `near;maxDistance==…` — nearest first, ties by id (see nearest-page.ts).
 * @example const { entities } = await queryEntities(ctx, '', { type, limit: 20, offset: 0, count: false }, context)
 */
export async function queryEntities(
  ctx: BrokerContext,
  tenantName: string,
  query: EntityQuery,
  context: ActiveContext,
): Promise<QueryResult> {
  if (isUnrestricted(query)) {
    throw new NgsiLdError(
      'BadRequestData',
      'The query is too broad: give at least one of type, id, idPattern, attrs, q or a geo-query (georel, geometry, coordinates)',
    );
  }
  const tenant = await ctx.tenants.forRead(tenantName);
  const repository = ctx.repository(tenant);
  const params = new SqlParams();
  const where = entityConditions(query, context, params, repository.geoTable, { withGeo: true });
  const expandedAttrs = query.attrs?.map((name) => context.expandTerm(name));

  let count: number | undefined;
  if (query.count) {
    const counted = await ctx.db.query<{ n: number }>(
      `select count(*)::int as n from ${repository.entityTable} e where ${where}`,
      params.values,
    );
    count = counted.rows[0]?.n ?? 0;
  }
  if (query.limit === 0) return { entities: [], count };

  let rows: EntityRow[];
  if (isBoundedNear(query)) {
    rows = await nearestPage(ctx.db, repository, query, context);
  } else {
    const page = new SqlParams();
    page.values.push(...params.values);
    const sql = `select ${ENTITY_COLUMNS} from ${repository.entityTable} e where ${where}
      order by e.id limit ${page.add(query.limit)} offset ${page.add(query.offset)}`;
    rows = (await ctx.db.query<EntityRow>(sql, page.values)).rows;
  }
  const keep = expandedAttrs ? new Set(expandedAttrs) : undefined;
  const entities = rows.map((row) => {
    const entity = rowToEntity(row);
    return keep ? keepAttributes(entity, keep) : entity;
  });
  return { entities, count };
}
