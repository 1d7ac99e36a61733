import { existsSync } from 'node:fs';
import { createClient, type Client } from '@libsql/client';
import { CMS_COLLECTIONS, type CmsCounts } from './cms-collections.js';

/** What a CMS snapshot holds: documents per collection and the Payload migrations applied. */
export interface CmsSnapshotFacts {
  counts: CmsCounts;
  migrations: string[];
}

/**
 * A consistent copy of a live SQLite CMS database (`VACUUM INTO`, safe while the dashboard runs
 * and writes), then its facts read from the copy, so they describe exactly what was saved.
 * @example const facts = await snapshotSqlite('/srv/.legocity/dashboard/payload.db', '/tmp/stage/cms/payload.db');
 */
export async function snapshotSqlite(database: string, target: string): Promise<CmsSnapshotFacts> {
  // libsql would create a missing file: an empty snapshot must never pass for a backup.
  if (!existsSync(database))
    throw new Error(
      `the CMS database ${database} does not exist: set LEGOCITY_CLI_DASHBOARD_DATA_DIR (or LEGOCITY_CLI_DASHBOARD_DATABASE_URL) to where the dashboard keeps it`,
    );
  const live = createClient({ url: `file:${database}` });
  try {
    // Waits for a writer's lock instead of failing at once while the dashboard saves something.
    await live.execute('PRAGMA busy_timeout = 15000');
    await live.execute({ sql: 'VACUUM INTO ?', args: [target] });
  } finally {
    live.close();
  }
  return readSqliteFacts(target);
}

/**
 * Documents per collection and applied migrations of a SQLite CMS file (0 for a collection
 * whose table does not exist).
 * @example const { counts } = await readSqliteFacts('/tmp/restore/cms/payload.db');
 */
export async function readSqliteFacts(file: string): Promise<CmsSnapshotFacts> {
  const client = createClient({ url: `file:${file}` });
  try {
    const tables = new Set(
      (await client.execute("select name from sqlite_master where type = 'table'")).rows.map(
        (row) => row.name as string,
      ),
    );
    const counts = {} as CmsCounts;
    for (const { slug, table } of CMS_COLLECTIONS)
      counts[slug] = tables.has(table) ? await countRows(client, table) : 0;
    const migrations = tables.has('payload_migrations')
      ? (
          await client.execute(
            "select name from payload_migrations where name <> 'dev' order by id",
          )
        ).rows.map((row) => row.name as string)
      : [];
    return { counts, migrations };
  } finally {
    client.close();
  }
}

async function countRows(client: Client, table: string): Promise<number> {
  // `table` comes from CMS_COLLECTIONS, never from input.
  const result = await client.execute(`select count(*) as n from "${table}"`);
  return Number(result.rows[0]?.n ?? 0);
}
