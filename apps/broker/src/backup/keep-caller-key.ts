import type { Queryable } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';
import { rowLine } from './dump-format.js';
import { insertRows } from './insert-rows.js';
import type { DumpTable } from './list-dump-tables.js';
import type { RowValues } from './read-table-rows.js';

/** The API key that asked for the restore, as it was before. */
export interface SavedKey {
  id: string;
  name: string;
  table: DumpTable;
  values: RowValues;
}

/** What became of the caller's key: the backup's row, or its own row kept (perhaps renamed). */
export interface CallerKeyOutcome {
  id: string;
  name: string;
  /** True when the restore added the caller's key (the backup did not let it in). */
  kept: boolean;
  /** The key's name before the restore, when a live key of the backup had it. */
  renamedFrom?: string;
}

/**
 * Read the caller's key row (every column's text form) before the restore replaces the keys.
 * @example const saved = await saveCallerKey(tx, apiKeyTable, principal.keyId)
 */
export async function saveCallerKey(
  tx: Queryable,
  table: DumpTable,
  keyId: string,
): Promise<SavedKey | undefined> {
  const select = table.columns.map((c, i) => `${quoteIdentifier(c.name)}::text as c${i}`);
  const { rows } = await tx.query<Record<string, string | null>>(
    `select ${select.join(', ')} from legocity.api_key where id = $1`,
    [keyId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const values = table.columns.map((_, i) => row[`c${i}`] ?? null);
  const name = values[table.columns.findIndex((c) => c.name === 'name')] ?? keyId;
  return { id: keyId, name, table, values };
}

/**
 * After the backup's keys are in: keep the caller able to go on (a restore drill reads after it).
 * When the backup has the same key with the same secret, live, nothing changes; otherwise the
 * caller's own row replaces it, renamed `<name>-<id>` if a live key of the backup has its name.
 * @example const outcome = await keepCallerKey(tx, saved)
 */
export async function keepCallerKey(tx: Queryable, saved: SavedKey): Promise<CallerKeyOutcome> {
  const column = (name: string) => saved.table.columns.findIndex((c) => c.name === name);
  const secretHash = saved.values[column('secret_hash')] ?? null;
  const { rows } = await tx.query<{ name: string; usable: boolean }>(
    `select name, secret_hash = $2 and revoked_at is null
              and (expires_at is null or expires_at > now()) as usable
     from legocity.api_key where id = $1`,
    [saved.id, secretHash],
  );
  const restored = rows[0];
  if (restored?.usable) return { id: saved.id, name: restored.name, kept: false };
  await tx.query('delete from legocity.api_key where id = $1', [saved.id]);
  const { rows: clash } = await tx.query(
    'select 1 from legocity.api_key where name = $1 and revoked_at is null',
    [saved.name],
  );
  const name = clash.length > 0 ? `${saved.name}-${saved.id}` : saved.name;
  const values = [...saved.values];
  values[column('name')] = name;
  await insertRows(tx, saved.table, saved.table.columns, [rowLine(values)]);
  return {
    id: saved.id,
    name,
    kept: true,
    ...(name !== saved.name ? { renamedFrom: saved.name } : {}),
  };
}
