import { createClient } from '@libsql/client';
import { CMS_COLLECTIONS, type CmsCounts } from './cms-collections.js';

/**
 * A small SQLite file shaped like the CMS's (the collection tables and payload_migrations), with
 * `counts` rows per collection.
 * @example await cmsDatabase('/tmp/x/payload.db', { users: 1, pages: 2 });
 */
export async function cmsDatabase(file: string, counts: Partial<CmsCounts>): Promise<void> {
  const client = createClient({ url: `file:${file}` });
  try {
    await client.execute('PRAGMA journal_mode = WAL');
    for (const { slug, table } of CMS_COLLECTIONS) {
      await client.execute(`create table "${table}" (id integer primary key, title text)`);
      for (let i = 0; i < (counts[slug] ?? 0); i += 1)
        await client.execute({
          sql: `insert into "${table}" (title) values (?)`,
          args: [`${slug} ${i}`],
        });
    }
    await client.execute(
      'create table payload_migrations (id integer primary key, name text, batch integer)',
    );
    await client.execute(
      "insert into payload_migrations (name, batch) values ('20261123_163529_initial', 1)",
    );
  } finally {
    client.close();
  }
}
