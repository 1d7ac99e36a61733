import type { Queryable } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';
import { rowOrder, type DumpTable } from './list-dump-tables.js';

export type RowValues = (string | null)[];

// Pages aim at this many bytes of text, so memory stays flat whether rows are small change-log
// rows or large entities.
const PAGE_BYTES = 4 * 1024 * 1024;
const MIN_PAGE_ROWS = 50;
const MAX_PAGE_ROWS = 5_000;
let cursors = 0;

/**
 * Read a table's rows page by page through a cursor (inside the caller's transaction): each
 * column's text form (`col::text`), in rowOrder order with text compared byte-wise (`collate
 * "C"`), so every cluster reads the same rows in the same order.
 * @example for await (const page of readTableRows(tx, table)) for (const row of page) …
 */
export async function* readTableRows(
  tx: Queryable,
  table: DumpTable,
): AsyncGenerator<RowValues[], void, undefined> {
  const select = table.columns.map((c, i) => `${quoteIdentifier(c.name)}::text as c${i}`);
  const collatable = new Set(table.columns.filter((c) => c.collatable).map((c) => c.name));
  const order = rowOrder(table).map(
    (name) => `${quoteIdentifier(name)}${collatable.has(name) ? ' collate "C"' : ''}`,
  );
  cursors += 1;
  const cursor = `legocity_backup_${cursors}`;
  await tx.query(
    `declare ${cursor} no scroll cursor for select ${select.join(', ')}
     from ${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)} order by ${order.join(', ')}`,
  );
  let pageRows = 500;
  try {
    for (;;) {
      const { rows } = await tx.query<Record<string, string | null>>(
        `fetch ${pageRows} from ${cursor}`,
      );
      if (rows.length === 0) return;
      let bytes = 0;
      const page = rows.map((row) =>
        table.columns.map((_, i) => {
          const value = row[`c${i}`] ?? null;
          if (value !== null) bytes += value.length;
          return value;
        }),
      );
      const isLast = rows.length < pageRows;
      pageRows = nextPageRows(bytes / rows.length);
      yield page;
      if (isLast) return;
    }
  } finally {
    // After an error the transaction is over anyway; closing then fails harmlessly.
    await tx.query(`close ${cursor}`).catch(() => undefined);
  }
}

function nextPageRows(averageRowBytes: number): number {
  const rows = Math.floor(PAGE_BYTES / Math.max(averageRowBytes, 1));
  return Math.min(MAX_PAGE_ROWS, Math.max(MIN_PAGE_ROWS, rows));
}
