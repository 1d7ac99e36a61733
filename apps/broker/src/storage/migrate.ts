import { readdir, readFile } from 'node:fs/promises';
import type { Database, Queryable } from './database.js';
import { quoteIdentifier } from './sql-params.js';

/** A numbered SQL migration file: `NNN-name.sql`. Merged migrations are never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// SQL files stay in src/ (tsc does not copy them); the compiled module finds them there too.
const MIGRATIONS = new URL('./migrations/', import.meta.url.replace('/dist/', '/src/'));
const FILE_NAME = /^(\d{3})-([a-z0-9-]+)\.sql$/;
// Any constant: serialises migrations across broker processes sharing one PostgreSQL.
const MIGRATION_LOCK = 4_242_001;

/**
 * Read the migrations of one scope ('global' or 'tenant') in version order.
 * @example const tenantMigrations = await loadMigrations('tenant');
 */
export async function loadMigrations(scope: 'global' | 'tenant'): Promise<Migration[]> {
  const folder = new URL(`${scope}/`, MIGRATIONS);
  const files = (await readdir(folder)).filter((file) => file.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`Migration file ${scope}/${file} is not named NNN-name.sql`);
      return {
        version: Number(match[1]),
        name: match[2] ?? file,
        sql: await readFile(new URL(file, folder), 'utf8'),
      };
    }),
  );
}

/**
 * Bring the broker-wide schema `legocity` up to date. Safe to run from several processes at once.
 * @example await migrateGlobal(db, await loadMigrations('global'));
 */
export async function migrateGlobal(
  db: Database,
  migrations: readonly Migration[],
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`create schema if not exists legocity`);
    await tx.query(`create table if not exists legocity.schema_migration (
      schema_name text not null, version integer not null, name text not null,
      applied_at timestamptz not null default now(), primary key (schema_name, version))`);
    return applyPending(tx, 'legocity', migrations);
  });
}

/**
 * Create a tenant schema if needed and apply its pending migrations, inside the caller's transaction.
 * @example await db.transaction((tx) => migrateTenantSchema(tx, 'tenant_default', migrations));
 */
export async function migrateTenantSchema(
  tx: Queryable,
  schema: string,
  migrations: readonly Migration[],
): Promise<number> {
  await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  await tx.query(`create schema if not exists ${quoteIdentifier(schema)}`);
  await tx.query(`set local search_path to ${quoteIdentifier(schema)}, public`);
  const applied = await applyPending(tx, schema, migrations);
  await tx.query('set local search_path to default');
  return applied;
}

async function applyPending(
  tx: Queryable,
  schema: string,
  migrations: readonly Migration[],
): Promise<number> {
  const { rows } = await tx.query<{ version: number }>(
    'select version from legocity.schema_migration where schema_name = $1',
    [schema],
  );
  const done = new Set(rows.map((row) => row.version));
  let count = 0;
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    await tx.exec(migration.sql);
    await tx.query(
      'insert into legocity.schema_migration (schema_name, version, name) values ($1, $2, $3)',
      [schema, migration.version, migration.name],
    );
    count += 1;
  }
  return count;
}
