import { quoteIdentifier, type SqlParams } from '../../storage/sql-params.js';
import type { TemporalQuery } from '../temporal-query.js';

export interface InstanceSourceOptions {
  schema: string;
  entityIds: readonly string[];
  /** Expanded attribute names; undefined = every attribute. */
  attrs: readonly string[] | undefined;
  query: Pick<TemporalQuery, 'timerel' | 'timeproperty'>;
  params: SqlParams;
}

/**
 * The SQL of the CTE `timed`: one row per recorded attribute instance of the given entities, read
 * from the tenant's change log (tenant migration 002: a row per entity change, `attrs` = name →
 * the instances that change wrote). Columns: entity_id, seq, ord (position in the row), name,
 * inst (the stored instance) and time (its Temporal Property). Instances without the Temporal
 * Property do not match (§4.11, last sentence).
 *
 * Times are compared as text: the broker stores every DateTime normalized (UTC, milliseconds,
 * `Z`, see @legocity/ngsi-ld normalizeDateTime) and normalizes timeAt/endTimeAt the same way, so
 * text order is time order and no row needs a cast.
 * @example const cte = instanceSource({ schema, entityIds, attrs, query, params })
 */
export function instanceSource(options: InstanceSourceOptions): string {
  const { params, query } = options;
  const table = `${quoteIdentifier(options.schema)}.entity_change`;
  // The Temporal Property name is one of a closed list (TIME_PROPERTIES), so it is a literal.
  const time = `(i.inst->>'${query.timeproperty}') collate "C"`;
  const conditions = [`c.entity_id = any(${params.add(options.entityIds)}::text[])`];
  // With attrs, read those members only: cheaper than expanding every attribute with jsonb_each.
  const attributes = options.attrs
    ? `cross join lateral unnest(${params.add(options.attrs)}::text[]) as a(name)
      cross join lateral jsonb_array_elements(c.attrs->a.name) with ordinality as i(inst, ord)`
    : `cross join lateral jsonb_each(c.attrs) as a(name, instances)
      cross join lateral jsonb_array_elements(a.instances) with ordinality as i(inst, ord)`;
  if (options.attrs) conditions.push(`c.attrs ?| ${params.add(options.attrs)}::text[]`);
  const rel = query.timerel;
  if (rel?.relation === 'before') conditions.push(`${time} < ${params.add(rel.timeAt)}`);
  if (rel && rel.relation !== 'before') conditions.push(`${time} >= ${params.add(rel.timeAt)}`);
  if (rel?.relation === 'between') conditions.push(`${time} < ${params.add(rel.endTimeAt)}`);
  return `timed as (
    select c.entity_id, c.seq, i.ord, a.name, i.inst, ${time} as time
    from ${table} c
    ${attributes}
    where ${conditions.join(' and ')} and ${time} is not null
  )`;
}
