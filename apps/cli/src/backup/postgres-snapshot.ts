import pg from 'pg';
import { CMS_COLLECTIONS, type CmsCounts } from './cms-collections.js';
import { pgEnv, runPgTool } from './pg-tools.js';
import type { CmsSnapshotFacts } from './sqlite-snapshot.js';

/**
 * A consistent `pg_dump -Fc` of a PostgreSQL CMS database, and its facts from the SAME snapshot:
 * a repeatable-read transaction exports its snapshot, counts the collections, and stays open while
 * pg_dump reads through it (`--snapshot`). The URL reaches pg_dump only through its environment.
 * @example const facts = await snapshotPostgres(url, '/backups/stage/cms/payload.pgdump', process.env);
 */
export async function snapshotPostgres(
  url: string,
  target: string,
  env: NodeJS.ProcessEnv,
): Promise<CmsSnapshotFacts> {
  const client = new pg.Client({ connectionString: url, application_name: 'legocity-cli' });
  await client.connect().catch((error: Error) => {
    throw new Error(`cannot connect to the CMS database: ${error.message}`);
  });
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const facts = await readPostgresFacts(client);
    await runPgTool(
      'pg_dump',
      ['--format=custom', `--snapshot=${rows[0]!.id}`, '--file', target],
      pgEnv(url),
      env,
    );
    await client.query('commit');
    return facts;
  } finally {
    await client.end();
  }
}

/**
 * Documents per collection and applied migrations of a PostgreSQL CMS database (Payload's
 * default `public` schema; 0 for a collection whose table does not exist).
 * @example const { counts } = await readPostgresFacts(client);
 */
export async function readPostgresFacts(client: pg.ClientBase): Promise<CmsSnapshotFacts> {
  const { rows: existing } = await client.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public'",
  );
  const tables = new Set(existing.map((row) => row.name));
  const counts = {} as CmsCounts;
  for (const { slug, table } of CMS_COLLECTIONS) {
    // `table` comes from CMS_COLLECTIONS, never from input.
    counts[slug] = tables.has(table)
      ? Number(
          (await client.query<{ n: string }>(`select count(*) as n from public."${table}"`)).rows[0]
            ?.n ?? 0,
        )
      : 0;
  }
  const migrations = tables.has('payload_migrations')
    ? (
        await client.query<{ name: string }>(
          "select name from public.payload_migrations where name <> 'dev' order by id",
        )
      ).rows.map((row) => row.name)
    : [];
  return { counts, migrations };
}
