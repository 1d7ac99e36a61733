import { SqlParams } from '../../storage/sql-params.js';
import { instanceSource, type InstanceSourceOptions } from './instance-source.js';

/** One recorded attribute instance, as the instances query returns it. */
export interface InstanceRow {
  entity_id: string;
  name: string;
  inst: Record<string, unknown>;
  /** The Temporal Property of the query, as stored (normalized UTC DateTime). */
  time: string;
}

/**
 * The SQL that reads the recorded instances of some entities: per entity and attribute the
 * first `perAttribute` instances in time order, or the newest ones when `newestFirst` (lastN).
 * Rows come per entity and attribute, in the order they were ranked.
 * @example const [sql, values] = instancesSql({ schema, entityIds, attrs, query, perAttribute: 1001, newestFirst: false })
 */
export function instancesSql(
  options: Omit<InstanceSourceOptions, 'params'> & { perAttribute: number; newestFirst: boolean },
): [string, unknown[]] {
  const params = new SqlParams();
  const source = instanceSource({ ...options, params });
  const direction = options.newestFirst ? 'desc' : 'asc';
  const sql = `with ${source},
    ranked as (
      select entity_id, name, inst, time, seq, ord,
        row_number() over (partition by entity_id, name order by time ${direction}, seq ${direction}, ord ${direction}) as rn
      from timed
    )
    select entity_id, name, inst, time from ranked
    where rn <= ${params.add(options.perAttribute)}
    order by entity_id, name, rn`;
  return [sql, params.values];
}
