import { createHash } from 'node:crypto';
import type { Queryable } from '../storage/database.js';
import { countEntities } from './count-entities.js';
import {
  GLOBAL_SCHEMA,
  rowLine,
  tableLabel,
  type DumpEnd,
  type TableStart,
  type TableSummary,
} from './dump-format.js';
import { listDumpTables, type DumpTable } from './list-dump-tables.js';
import { listTenantSchemas } from './migration-levels.js';
import type { ProgressLog } from './progress-log.js';
import { readTableRows } from './read-table-rows.js';

/** Receives dump text: whole lines, each ending in `\n`; resolves when more may be written. */
export type DumpSink = (text: string) => Promise<void>;

/**
 * Read every dumped table (global schema first, then each tenant schema) inside the caller's
 * snapshot: count and checksum each table's row lines and, given a sink, write the table lines.
 * Returns what the end line holds. Shared by the dump and its summary, so both agree by design.
 * @example const end = await readState(tx, { progress, sink: (text) => write(text) })
 */
export async function readState(
  tx: Queryable,
  options: { progress: ProgressLog; sink?: DumpSink; tables?: DumpTable[] },
): Promise<DumpEnd> {
  const tenants = await listTenantSchemas(tx);
  const tables =
    options.tables ?? (await listDumpTables(tx, [GLOBAL_SCHEMA, ...tenants.map((t) => t.schema)]));
  const summaries: TableSummary[] = [];
  for (const table of tables) {
    summaries.push(await readTable(tx, table, options));
    options.progress.tableDone();
  }
  return { tables: summaries, entities: await countEntities(tx, tenants) };
}

/**
 * Read one table: its start line, its rows and its end line (to the sink when there is one).
 * @example const summary = await readTable(tx, table, { progress })
 */
export async function readTable(
  tx: Queryable,
  table: DumpTable,
  options: { progress: ProgressLog; sink?: DumpSink },
): Promise<TableSummary> {
  const { sink, progress } = options;
  const start: TableStart = {
    schema: table.schema,
    name: table.name,
    columns: table.columns.map((column) => ({ name: column.name, type: column.type })),
  };
  if (sink) await sink(`${JSON.stringify({ table: start })}\n`);
  const hash = createHash('sha256');
  let rows = 0;
  for await (const page of readTableRows(tx, table)) {
    let text = '';
    for (const values of page) text += `${rowLine(values)}\n`;
    hash.update(text);
    rows += page.length;
    if (sink) await sink(text);
    progress.rowsDone(tableLabel(table), page.length);
  }
  const summary: TableSummary = {
    schema: table.schema,
    name: table.name,
    rows,
    sha256: hash.digest('hex'),
  };
  if (sink) await sink(`${JSON.stringify({ tableEnd: summary })}\n`);
  return summary;
}
