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
 * The insert of change-log rows (parameter `$1`: the LogRecords as jsonb). Values the rows do not
 * carry are copied from the entity rows written just before in the same transaction.
 */
function insertSql(schema: string): string {
  const s = quoteIdentifier(schema);
  // Values are read from the entity by id, one index probe per change (a join would be planned
  // for the function's default estimate of 100 rows and scan the table).
  return `insert into ${s}.entity_change (entity_id, types, trigger, attrs, deleted, at)
    select r.id, r.types, r.trigger,
      case when r.copy_all then coalesce((select e.attrs from ${s}.entity e where e.id = r.id), '{}'::jsonb)
        else coalesce(r.attrs, '{}'::jsonb) || coalesce(
          (select jsonb_object_agg(n, e.attrs -> n) from ${s}.entity e, unnest(r.names) as n
           where e.id = r.id and e.attrs ? n),
          '{}'::jsonb) end,
      r.deleted, r.at
    from jsonb_to_recordset($1::jsonb) as ${ROW_SHAPE}`;
}

/**
 * The change-log row of a single-entity write, as a CTE of the statement that writes the entity
 * (its `written` CTE: id and types as written). The changed instances travel as a parameter:
 * small, where copying them out of the written row would make PostgreSQL decompress the whole
 * entity's attributes (measured with pgbench: the copy and the recordset form each cost this
 * statement 10–30% of its throughput).
 */
function fusedInsertSql(schema: string, param: (index: number) => string): string {
  const s = quoteIdentifier(schema);
  const [trigger, attrs, deleted, at] = [0, 1, 2, 3].map(param);
  return `logged as (insert into ${s}.entity_change (entity_id, types, trigger, attrs, deleted, at)
    select w.id, w.types, ${trigger}::text, ${attrs}::jsonb, ${deleted}::jsonb, ${at}::timestamptz
    from written w)`;
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
        sql = insertSql(schema);
        statements.set(schema, sql);
      }
      await tx.query(sql, [JSON.stringify(rows)], { prepare: `${schema}.entity_change.insert` });
      // This process's notifier looks at once; other processes find the change when they poll
      // (PostgreSQL NOTIFY would serialise every committing transaction of the cluster).
      tx.afterCommit(() => onCommitted(tenant));
    }
  };
  const fuse = (changes: readonly EntityChange[]): FusedChangeWork | undefined => {
    const [change, ...others] = changes;
    if (!change || others.length > 0) throw new Error('a fused write changes one entity');
    const row = changeRow(change, now());
    if (!row) return undefined;
    const schema = schemaFor(change.tenant);
    return {
      ctes: (param) => fusedInsertSql(schema, param),
      values: [
        row.trigger,
        JSON.stringify(row.attrs),
        row.deleted ? JSON.stringify(row.deleted) : null,
        row.at,
      ],
      committed: () => onCommitted(change.tenant),
    };
  };
  return Object.assign(listener, { fuse });
}
