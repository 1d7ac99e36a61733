import type { AttributeInstance } from '@legocity/ngsi-ld';
import type { Database, Queryable } from '../storage/database.js';
import { capSeries, contentRange, type Timed } from './cap-series.js';
import { aggregationSql, type PeriodRow } from './sql/aggregation-sql.js';
import { instancesSql, type InstanceRow } from './sql/instances-sql.js';
import type { TemporalQuery } from './temporal-query.js';

/** One recorded instance of an attribute, at the time the query's Temporal Property gives. */
export interface RecordedInstance extends Timed {
  instance: AttributeInstance;
}

/** One aggregation period of an attribute (time = its start). */
export interface AggregatedPeriod extends Timed {
  end: string;
  type: string;
  /** '' for the default instance. */
  datasetId: string;
  /** Aggregation method → value over the period (null where the method does not apply). */
  values: Record<string, unknown>;
}

/** The temporal evolution of one entity, names expanded (stored form). */
export interface TemporalEntity {
  id: string;
  types: string[];
  /** Attribute name → instances in time order (normalized and temporalValues representations). */
  instances: Record<string, RecordedInstance[]>;
  /** Attribute name → periods in time order (aggregatedValues). */
  periods: Record<string, AggregatedPeriod[]>;
}

export interface History {
  entities: TemporalEntity[];
  /** Content-Range of an answer cut at `maxInstances` per attribute (§6.3.10); 206 then. */
  contentRange?: string;
}

/**
 * Read the temporal evolution of some entities from their tenant's change log: the instances (or
 * aggregation periods) the temporal query selects, at most `maxInstances` per attribute. When an
 * attribute has more, every attribute is cut at one instant and `contentRange` says which time
 * range the answer covers completely.
 * @example const history = await readHistory(db, { schema, entities, attrs, query, maxInstances: 1000 })
 */
export async function readHistory(
  db: Database,
  request: {
    schema: string;
    entities: readonly { id: string; types: string[] }[];
    /** Expanded attribute names; undefined = all. */
    attrs: readonly string[] | undefined;
    query: TemporalQuery;
    maxInstances: number;
  },
): Promise<History> {
  const { query, maxInstances } = request;
  const entities = request.entities.map((e): TemporalEntity => ({
    id: e.id,
    types: e.types,
    instances: {},
    periods: {},
  }));
  if (entities.length === 0) return { entities };
  const byId = new Map(entities.map((e) => [e.id, e]));
  const base = { schema: request.schema, entityIds: [...byId.keys()], attrs: request.attrs };

  if (query.aggregation) {
    const [sql, values] = aggregationSql({
      ...base,
      query: { ...query, aggregation: query.aggregation },
      perAttribute: maxInstances + 1,
    });
    const rows = await withoutJit(db, (tx) => tx.query<PeriodRow>(sql, values));
    const series = groupRows(
      rows,
      (row) => `${row.entity_id}\u0000${row.name}\u0000${row.dataset}`,
      toPeriod,
    );
    const capped = capSeries(
      [...series.values()].map((s) => s.items),
      maxInstances,
      { newestFirst: false },
    );
    [...series.values()].forEach((s, index) => {
      const entity = byId.get(s.entityId);
      const periods = capped.series[index] ?? [];
      if (entity && periods.length > 0) (entity.periods[s.name] ??= []).push(...periods);
    });
    return { entities, ...rangeOf(capped, query, maxInstances) };
  }

  const newestFirst = query.lastN !== undefined;
  const isBoundedByLastN = query.lastN !== undefined && query.lastN <= maxInstances;
  const [sql, values] = instancesSql({
    ...base,
    query,
    perAttribute: isBoundedByLastN ? (query.lastN as number) : maxInstances + 1,
    newestFirst,
  });
  const rows = await withoutJit(db, (tx) => tx.query<InstanceRow>(sql, values));
  const series = groupRows(rows, (row) => `${row.entity_id}\u0000${row.name}`, toRecorded);
  const capped = capSeries(
    [...series.values()].map((s) => s.items),
    maxInstances,
    { newestFirst },
  );
  [...series.values()].forEach((s, index) => {
    const entity = byId.get(s.entityId);
    const kept = capped.series[index] ?? [];
    if (!entity || kept.length === 0) return;
    // lastN reads newest first; answers are always in time order.
    entity.instances[s.name] = newestFirst ? [...kept].reverse() : kept;
  });
  return { entities, ...rangeOf(capped, query, maxInstances) };
}

/**
 * Run one read with PostgreSQL's JIT compiler off. The planner guesses 100 rows for each
 * jsonb_each / jsonb_array_elements call, so it believes a history read yields millions of rows
 * and spends about a second compiling it; the read itself takes milliseconds.
 */
async function withoutJit<R>(
  db: Database,
  read: (tx: Queryable) => Promise<{ rows: R[] }>,
): Promise<R[]> {
  return db.transaction(async (tx) => {
    await tx.query('set local jit = off');
    // Memoize would cache each row's instances, which never repeat: pure overhead.
    await tx.query('set local enable_memoize = off');
    return (await read(tx)).rows;
  });
}

function toRecorded(row: InstanceRow): RecordedInstance {
  return { time: row.time, instance: row.inst as unknown as AttributeInstance };
}

function toPeriod(row: PeriodRow): AggregatedPeriod {
  return {
    time: row.start,
    end: row.end,
    type: row.type,
    datasetId: row.dataset,
    values: row.value,
  };
}

function groupRows<R extends { entity_id: string; name: string }, T>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  map: (row: R) => T,
): Map<string, { entityId: string; name: string; items: T[] }> {
  const groups = new Map<string, { entityId: string; name: string; items: T[] }>();
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) {
      group = { entityId: row.entity_id, name: row.name, items: [] };
      groups.set(key, group);
    }
    group.items.push(map(row));
  }
  return groups;
}

function rangeOf(
  capped: { series: Timed[][]; boundary?: string },
  query: TemporalQuery,
  maxInstances: number,
): { contentRange?: string } {
  if (capped.boundary === undefined) return {};
  const times = capped.series.flat().map((item) => item.time);
  const rel = query.timerel;
  const isNewestFirst =
    query.lastN !== undefined && query.lastN > maxInstances && !query.aggregation;
  if (isNewestFirst) {
    const start =
      rel?.relation === 'before'
        ? rel.timeAt
        : rel?.relation === 'between'
          ? rel.endTimeAt
          : times.reduce((a, b) => (b > a ? b : a), capped.boundary);
    return { contentRange: contentRange({ start, end: capped.boundary, size: query.lastN }) };
  }
  const start =
    rel && rel.relation !== 'before'
      ? rel.timeAt
      : times.reduce((a, b) => (b < a ? b : a), capped.boundary);
  return { contentRange: contentRange({ start, end: capped.boundary }) };
}
