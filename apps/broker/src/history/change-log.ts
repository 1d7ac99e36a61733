import type { Entity } from '@legocity/ngsi-ld';
import type { ChangeListener, EntityChange, FusedChangeWork } from '../broker-context.js';
import type { Queryable } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';
import { changeRow, type ChangeRow } from './change-rows.js';

const ROW_SHAPE =
  'r(id text collate "C", types text[], trigger text, copy_all boolean, names text[], attrs jsonb, deleted jsonb, at timestamptz)';

/**
 * A change-log row as sent to PostgreSQL. Attribute values are usually NOT sent again: the
 * entity row written just before in the same transaction holds them, so the statement copies
 * them from it (`copyAll`: every attribute; `names`: these attributes), which spares PostgreSQL
 * a second parse of the same JSON. Only attributes of which some instances changed (multi-
 * attributes with datasetIds) travel as JSON.
 */
interface LogRecord {
  id: string;
  types: string[];
  trigger: ChangeRow['trigger'];
  copy_all: boolean;
  names: string[] | null;
  attrs: ChangeRow['attrs'] | null;
  deleted: ChangeRow['deleted'];
  at: string;
}

function toLogRecord(row: ChangeRow, after: Entity | undefined): LogRecord {
  const base = {
    id: row.id,
    types: row.types,
    trigger: row.trigger,
    deleted: row.deleted,
    at: row.at,
  };
  if (!after) return { ...base, copy_all: false, names: null, attrs: row.attrs };
  const names: string[] = [];
  const partial: ChangeRow['attrs'] = {};
  for (const [name, instances] of Object.entries(row.attrs)) {
    if (instances.length === after.attributes[name]?.length) names.push(name);
    else partial[name] = instances;
  }
  const hasPartial = Object.keys(partial).length > 0;
  const copyAll = !hasPartial && names.length === Object.keys(after.attributes).length;
  return {
    ...base,
    copy_all: copyAll,
    names: copyAll || names.length === 0 ? null : names,
    attrs: hasPartial ? partial : null,
  };
}

/** The change-log rows of a set of changes, by tenant. */
function logRecordsByTenant(
  changes: readonly EntityChange[],
  at: string,
): Map<string, LogRecord[]> {
  const byTenant = new Map<string, LogRecord[]>();
  for (const change of changes) {
    const row = changeRow(change, at);
    if (!row) continue;
    const rows = byTenant.get(change.tenant) ?? [];
    rows.push(toLogRecord(row, change.after));
    byTenant.set(change.tenant, rows);
  }
  return byTenant;
}

/**
 * The insert of change-log rows (parameter `param`: the LogRecords as jsonb). Values the rows do
 * not carry come from `source`, a relation with `id` and `attrs` of the entities as written:
 * the entity table itself, or the `written` CTE of a fused statement.
 */
function insertSql(schema: string, param: string, source: 'table' | 'written'): string {
  const s = quoteIdentifier(schema);
  // Values are read from the entity by id, one index probe per change (a join would be planned
  // for the function's default estimate of 100 rows and scan the table).
  const from = source === 'table' ? `${s}.entity e` : 'written e';
  return `insert into ${s}.entity_change (entity_id, types, trigger, attrs, deleted, at)
    select r.id, r.types, r.trigger,
      case when r.copy_all then coalesce((select e.attrs from ${from} where e.id = r.id), '{}'::jsonb)
        else coalesce(r.attrs, '{}'::jsonb) || coalesce(
          (select jsonb_object_agg(n, e.attrs -> n) from ${from}, unnest(r.names) as n
           where e.id = r.id and e.attrs ? n),
          '{}'::jsonb) end,
      r.deleted, r.at
    from jsonb_to_recordset(${param}::jsonb) as ${ROW_SHAPE}${
      source === 'written' ? ' where r.id in (select id from written)' : ''
    }`;
}

/**
 * The change listener that appends every entity change to its tenant's change log, in the
 * writing transaction (one statement per write, however large the batch) — or, for a
 * single-entity write, inside the very statement that writes the entity (`fuse`). The log is
 * the temporal history and the notifier's feed.
 * @example const ctx = createBrokerContext({ db, tenants, onChange: recordChanges(tenants, now) })
 */
export function recordChanges(
  schemaOf: (tenant: string) => string | undefined,
  now: () => string,
  onCommitted: (tenant: string) => void = () => undefined,
): ChangeListener {
  const statements = new Map<string, string>();
  const schemaFor = (tenant: string): string => {
    const schema = schemaOf(tenant);
    if (!schema) throw new Error(`change for unknown tenant '${tenant}'`);
    return schema;
  };
  const listener = async (tx: Queryable, changes: readonly EntityChange[]): Promise<void> => {
    for (const [tenant, rows] of logRecordsByTenant(changes, now())) {
      const schema = schemaFor(tenant);
      let sql = statements.get(schema);
      if (!sql) {
        sql = insertSql(schema, '$1', 'table');
        statements.set(schema, sql);
      }
      await tx.query(sql, [JSON.stringify(rows)], { prepare: `${schema}.entity_change.insert` });
      // This process's notifier looks at once; other processes find the change when they poll
      // (PostgreSQL NOTIFY would serialise every committing transaction of the cluster).
      tx.afterCommit(() => onCommitted(tenant));
    }
  };
  const fuse = (changes: readonly EntityChange[]): FusedChangeWork | undefined => {
    const byTenant = logRecordsByTenant(changes, now());
    if (byTenant.size === 0) return undefined;
    if (byTenant.size > 1) throw new Error('a fused write changes entities of one tenant');
    for (const [tenant, rows] of byTenant) {
      const schema = schemaFor(tenant);
      return {
        ctes: (param) => `logged as (${insertSql(schema, param, 'written')})`,
        value: JSON.stringify(rows),
        committed: () => onCommitted(tenant),
      };
    }
    return undefined;
  };
  return Object.assign(listener, { fuse });
}
