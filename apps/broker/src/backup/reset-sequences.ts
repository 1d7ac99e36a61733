import type { Queryable } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';

/**
 * Move every sequence owned by a column of these tables (serial and identity columns) past the
 * largest value restored, so the next insert does not collide; an empty table starts at 1 again.
 * @example await resetSequences(tx, [{ schema: 'legocity', name: 'audit_event' }])
 */
export async function resetSequences(
  tx: Queryable,
  tables: readonly { schema: string; name: string }[],
): Promise<void> {
  for (const table of tables) {
    const qualified = `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
    const { rows } = await tx.query<{ column: string; sequence: string }>(
      `select a.attname as column, pg_get_serial_sequence($1, a.attname) as sequence
       from pg_attribute a
       where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped
         and pg_get_serial_sequence($1, a.attname) is not null`,
      [qualified],
    );
    for (const { column, sequence } of rows) {
      await tx.query(
        `select setval($1::regclass, coalesce(m.value, 1), m.value is not null)
         from (select max(${quoteIdentifier(column)})::bigint as value from ${qualified}) m`,
        [sequence],
      );
    }
  }
}
