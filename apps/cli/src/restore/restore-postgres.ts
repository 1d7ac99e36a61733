import pg from 'pg';
import { hasContent } from '../backup/cms-collections.js';
import { pgEnv, runPgTool } from '../backup/pg-tools.js';
import { readPostgresFacts } from '../backup/postgres-snapshot.js';
import { describeCounts } from './describe-counts.js';

/** What a PostgreSQL CMS database holds before a restore. */
export interface PostgresTarget {
  /** Tables of its own (not an extension's), in any schema but the system ones. */
  tables: number;
  refusal?: string;
}

/**
 * Look at a PostgreSQL CMS database before restoring into it: a database with tables is only
 * restored into with `force` (then pg_restore --clean drops and recreates the backup's objects).
 * @example const target = await checkPostgresTarget(url, false); if (target.refusal) …
 */
export async function checkPostgresTarget(url: string, force: boolean): Promise<PostgresTarget> {
  const client = new pg.Client({ connectionString: url, application_name: 'legocity-cli' });
  await client.connect().catch((error: Error) => {
    throw new Error(`cannot connect to the CMS database: ${error.message}`);
  });
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg_toast%'
         and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')`,
    );
    const tables = Number(rows[0]?.n ?? 0);
    if (tables === 0 || force) return { tables };
    const { counts } = await readPostgresFacts(client);
    const what = hasContent(counts) ? describeCounts(counts) : 'no CMS documents';
    return {
      tables,
      refusal: `the CMS database has ${tables} tables (${what}): restore will not write into it; restore into an empty database, or add --force to drop and recreate the backup's tables (pg_restore --clean)`,
    };
  } finally {
    await client.end();
  }
}

/**
 * pg_restore a `pg_dump -Fc` CMS snapshot into a database in one transaction (all or nothing),
 * owned by the connecting user; `clean` first drops the objects the snapshot holds.
 * @example await restorePostgres(snapshot, url, { clean: true, env: process.env });
 */
export async function restorePostgres(
  snapshot: string,
  url: string,
  options: { clean: boolean; env: NodeJS.ProcessEnv },
): Promise<void> {
  const connection = pgEnv(url);
  await runPgTool(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      ...(options.clean ? ['--clean', '--if-exists'] : []),
      // The database name only: the credentials stay in the environment.
      '--dbname',
      connection.PGDATABASE ?? 'postgres',
      snapshot,
    ],
    connection,
    options.env,
  );
}
