import { NgsiLdError, type ActiveContext, type Entity } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { keepAttributes } from '../entities/retrieve-entity.js';
import { ENTITY_COLUMNS, rowToEntity, type EntityRow } from '../storage/entity-rows.js';
import { SqlParams } from '../storage/sql-params.js';
import { isUnrestricted, type EntityQuery, type EntitySelector } from './entity-query.js';
import { geoQueryToSql } from './sql/geo-query-to-sql.js';
import { qToSql } from './sql/q-to-sql.js';
import { typeSelectionToSql } from './sql/type-selection-to-sql.js';

export interface QueryResult {
  entities: Entity[];
  /** Total number of matches, when the query asked for it (NGSILD-Results-Count). */
  count?: number;
}

/**
 * Query Entities — ETSI GS CIM 009 v1.8.1 §5.7.2. Results come in a stable order (by entity id)
 * so that limit/offset paging neither skips nor repeats entities.
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
  const where = whereClause(query, context, params, repository.geoTable);
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

  const page = new SqlParams();
  page.values.push(...params.values);
  const sql = `select ${ENTITY_COLUMNS} from ${repository.entityTable} e where ${where}
    order by e.id limit ${page.add(query.limit)} offset ${page.add(query.offset)}`;
  const { rows } = await ctx.db.query<EntityRow>(sql, page.values);
  const keep = expandedAttrs ? new Set(expandedAttrs) : undefined;
  const entities = rows.map((row) => {
    const entity = rowToEntity(row);
    return keep ? keepAttributes(entity, keep) : entity;
  });
  return { entities, count };
}

function whereClause(
  query: EntityQuery,
  context: ActiveContext,
  params: SqlParams,
  geoTable: string,
): string {
  const expand = (name: string) => context.expandTerm(name);
  const conditions: string[] = [];
  const selectors = query.selectors
    .map((selector) => selectorToSql(selector, expand, params))
    .filter(Boolean);
  if (selectors.length > 0) conditions.push(selectors.map((s) => `(${s})`).join(' or '));
  if (query.attrs) conditions.push(`e.attrs ?| ${params.add(query.attrs.map(expand))}::text[]`);
  if (query.q) {
    const expandVocab = (value: string) => context.expandVocabValue(value);
    conditions.push(
      qToSql(query.q, { attrsColumn: 'e.attrs', expandAttribute: expand, expandVocab, params }),
    );
  }
  if (query.geo) {
    conditions.push(
      geoQueryToSql(query.geo, {
        entityIdColumn: 'e.id',
        geoTable,
        expandAttribute: expand,
        params,
      }),
    );
  }
  return conditions.length > 0 ? conditions.map((c) => `(${c})`).join(' and ') : 'true';
}

function selectorToSql(
  selector: EntitySelector,
  expand: (name: string) => string,
  params: SqlParams,
): string {
  const parts: string[] = [];
  if (selector.type)
    parts.push(
      typeSelectionToSql(selector.type, { typesColumn: 'e.types', expandType: expand, params }),
    );
  if (selector.ids) parts.push(`e.id = any(${params.add(selector.ids)}::text[])`);
  if (selector.idPattern) parts.push(`e.id ~ ${params.add(selector.idPattern)}`);
  return parts.join(' and ');
}
