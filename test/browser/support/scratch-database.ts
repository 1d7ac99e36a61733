/**
 * Scratch PostgreSQL databases for one platform start (the broker's and the CMS's), created on
 * the server of LEGOCITY_TEST_DATABASE_URL and dropped afterwards.
 */
import pg from 'pg';

export interface ScratchDatabase {
  url: string;
  /** Tables outside the system schemas: proof that a component really stores its data here. */
  tableCount: () => Promise<number>;
  drop: () => Promise<void>;
}

let counter = 0;

/**
 * Create an empty database (with PostGIS when asked) and return its URL.
 * @example const db = await createScratchDatabase(baseUrl, { postgis: true }); … await db.drop();
 */
export async function createScratchDatabase(
  baseUrl: string,
  { postgis = false, label = 'db' }: { postgis?: boolean; label?: string } = {},
): Promise<ScratchDatabase> {
  counter += 1;
  const name = `legocity_browser_${label}_${Date.now()}_${process.pid}_${counter}`;
  await withClient(baseUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  if (postgis)
    await withClient(url.toString(), (client) =>
      client.query('create extension if not exists postgis'),
    );
  return {
    url: url.toString(),
    tableCount: () =>
      withClient(url.toString(), async (client) => {
        const { rows } = await client.query<{ count: string }>(
          `select count(*) from information_schema.tables
           where table_schema not in ('pg_catalog', 'information_schema', 'tiger', 'topology')
             and table_name <> 'spatial_ref_sys'`,
        );
        return Number(rows[0]?.count ?? 0);
      }),
    drop: async () => {
      await withClient(baseUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
