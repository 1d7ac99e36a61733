import type { ActiveContext } from '@legocity/ngsi-ld';
import type { SqlParams } from '../storage/sql-params.js';
import type { EntityQuery, EntitySelector } from './entity-query.js';
import { geoQueryToSql } from './sql/geo-query-to-sql.js';
import { qToSql } from './sql/q-to-sql.js';
import { typeSelectionToSql } from './sql/type-selection-to-sql.js';

/**
 * The SQL condition on `e` (a tenant's entity table) for a query: selectors, attrs, q and, unless
 * the caller handles it itself, the geo-query. Every value is a bound parameter.
 * @example const where = entityConditions(query, context, params, repository.geoTable, { withGeo: true })
 */
export function entityConditions(
  query: EntityQuery,
  context: ActiveContext,
  params: SqlParams,
  geoTable: string,
  options: { withGeo: boolean },
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
  if (query.geo && options.withGeo) {
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
  if (selector.type) {
    parts.push(
      typeSelectionToSql(selector.type, { typesColumn: 'e.types', expandType: expand, params }),
    );
  }
  if (selector.ids) parts.push(`e.id = any(${params.add(selector.ids)}::text[])`);
  if (selector.idPattern) parts.push(`e.id ~ ${params.add(selector.idPattern)}`);
  return parts.join(' and ');
}
