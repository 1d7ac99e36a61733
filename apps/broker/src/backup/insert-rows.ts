import type { Queryable } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';
import type { DumpColumn } from './dump-format.js';

/**
 * Insert rows given as dump row lines (JSON arrays of text forms) in one statement: the lines go
 * as one jsonb parameter and each value is cast from text to its column's type — the same SQL on
 * both drivers, no value ever spliced into the statement. `columns` carry the TARGET's type names
 * (from its catalog), never a dump's. Identity columns take the dump's values.
 * @example await insertRows(tx, { schema: 'legocity', name: 'tenant' }, columns, ['["","tenant_default",…]'])
 */
export async function insertRows(
  tx: Queryable,
  table: { schema: string; name: string },
  columns: readonly DumpColumn[],
  lines: readonly string[],
): Promise<void> {
  if (lines.length === 0) return;
  const names = columns.map((column) => quoteIdentifier(column.name)).join(', ');
  const values = columns.map((column, i) => `(r->>${i})::${column.type}`).join(', ');
  await tx.query(
    `insert into ${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)} (${names})
     overriding system value
     select ${values} from pg_catalog.jsonb_array_elements($1::pg_catalog.jsonb) as r`,
    [`[${lines.join(',')}]`],
  );
}
