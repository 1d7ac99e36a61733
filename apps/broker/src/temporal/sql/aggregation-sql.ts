import { SqlParams } from '../../storage/sql-params.js';
import type { AggregationMethod, TemporalQuery } from '../temporal-query.js';
import { instanceSource, type InstanceSourceOptions } from './instance-source.js';

/** One aggregation period of one attribute (and datasetId) of one entity. */
export interface PeriodRow {
  entity_id: string;
  name: string;
  /** '' for the default instance. */
  dataset: string;
  type: string;
  /** Aggregation method → its value over the period (null where it does not apply). */
  value: Record<string, unknown>;
  start: string;
  end: string;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * §4.5.19.1 tables 1–3 in SQL. `num` is what the numeric methods see: a JSON number, a boolean
 * as 1/0, an array as its size; `str` is a string value (min/max in lexicographic order).
 * Relationships only count (totalCount, distinctCount); the other methods give null.
 */
const METHOD_SQL: Record<AggregationMethod, string> = {
  avg: 'to_jsonb(avg(num)::float8)',
  distinctCount: 'to_jsonb(count(distinct v))',
  max: 'coalesce(to_jsonb(max(num)::float8), to_jsonb(max(str collate "C")))',
  min: 'coalesce(to_jsonb(min(num)::float8), to_jsonb(min(str collate "C")))',
  stddev: 'to_jsonb(stddev_pop(num)::float8)',
  sum: 'to_jsonb(sum(num)::float8)',
  sumsq: 'to_jsonb(sum(num * num)::float8)',
  totalCount: 'to_jsonb(count(*))',
};

/** The value member of a stored instance, by attribute type (§4.5). */
const VALUE_OF = `case inst->>'type'
  when 'Relationship' then inst->'object' when 'ListRelationship' then inst->'objectList'
  when 'LanguageProperty' then inst->'languageMap' when 'ListProperty' then inst->'valueList'
  when 'JsonProperty' then inst->'json' when 'VocabProperty' then inst->'vocab'
  else inst->'value' end`;

/**
 * The SQL of the aggregated temporal representation (§4.5.19): the instances a temporal query
 * selects (lastN applied first), cut into periods of `periodSeconds` starting at timeAt (after,
 * between) or else at the earliest instance, and aggregated per entity, attribute, datasetId and
 * period. Periods without instances are left out. At most `perAttribute` periods per attribute
 * and datasetId, the earliest.
 * @example const [sql, values] = aggregationSql({ schema, entityIds, attrs, query, perAttribute: 1001 })
 */
export function aggregationSql(
  options: Omit<InstanceSourceOptions, 'params' | 'query'> & {
    query: Pick<TemporalQuery, 'timerel' | 'timeproperty' | 'lastN'> & {
      aggregation: NonNullable<TemporalQuery['aggregation']>;
    };
    perAttribute: number;
  },
): [string, unknown[]] {
  const { query } = options;
  const params = new SqlParams();
  const source = instanceSource({ ...options, params });
  const kept =
    query.lastN === undefined
      ? 'select * from timed'
      : `select * from (select *, row_number() over (partition by entity_id, name order by time desc, seq desc, ord desc) as newest
          from timed) r where newest <= ${params.add(query.lastN)}`;
  const rel = query.timerel;
  const start = rel && rel.relation !== 'before' ? rel.timeAt : null;
  const end =
    rel?.relation === 'between' ? rel.endTimeAt : rel?.relation === 'before' ? rel.timeAt : null;
  const period = params.add(query.aggregation.periodSeconds);
  const methods = query.aggregation.methods
    .map((method) => `'${method}', ${METHOD_SQL[method]}`)
    .join(', ');
  const sql = `with ${source},
    kept as (${kept}),
    valued as (
      select entity_id, name, coalesce(inst->>'datasetId', '') as dataset, inst->>'type' as type,
        time::timestamptz as t,
        ${VALUE_OF} as v
      from kept
    ),
    bounds as (
      select coalesce(${params.add(start)}::timestamptz, min(t)) as lo,
        coalesce(${params.add(end)}::timestamptz, max(t)) as hi
      from valued
    ),
    binned as (
      select v.entity_id, v.name, v.dataset, v.type, v.v, b.lo, b.hi,
        case when ${period}::float8 = 0 then 0
          else floor(extract(epoch from (v.t - b.lo))::float8 / ${period}::float8)::bigint end as bin,
        case when v.type like '%Relationship' then null
          when jsonb_typeof(v.v) = 'number' then (v.v #>> '{}')::numeric
          when jsonb_typeof(v.v) = 'boolean' then case when v.v = 'true'::jsonb then 1 else 0 end
          when jsonb_typeof(v.v) = 'array' then jsonb_array_length(v.v) end as num,
        case when v.type not like '%Relationship' and jsonb_typeof(v.v) = 'string'
          then v.v #>> '{}' end as str
      from valued v cross join bounds b
    ),
    periods as (
      select entity_id, name, dataset, max(type) as type, bin, min(lo) as lo, min(hi) as hi,
        jsonb_build_object(${methods}) as value,
        row_number() over (partition by entity_id, name, dataset order by bin) as rn
      from binned
      group by entity_id, name, dataset, bin
    )
    select entity_id, name, dataset, type, value,
      to_char(p_start at time zone 'UTC', ${ISO}) as start,
      to_char(p_end at time zone 'UTC', ${ISO}) as "end"
    from (
      select *,
        case when ${period}::float8 = 0 then lo
          else lo + make_interval(secs => bin * ${period}::float8) end as p_start,
        case when ${period}::float8 = 0 then hi
          else lo + make_interval(secs => (bin + 1) * ${period}::float8) end as p_end
      from periods
      where rn <= ${params.add(options.perAttribute)}
    ) shown
    order by entity_id, name, dataset, bin`;
  return [sql, params.values];
}
