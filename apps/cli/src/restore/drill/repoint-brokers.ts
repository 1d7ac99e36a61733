import { createClient } from '@libsql/client';
import pg from 'pg';

/** The scratch CMS: a SQLite file, or a PostgreSQL database. */
export type ScratchCms = { driver: 'sqlite'; file: string } | { driver: 'postgres'; url: string };

interface BrokerRow {
  id: number;
  url: string;
}

/**
 * Point the scratch CMS's broker records that name the backed-up broker (same origin; localhost
 * and 127.0.0.1 alike) at the scratch broker, so the drill's layer checks read the restored data
 * and never the production broker. When none does but the CMS has exactly one broker, that one
 * is taken (the CLI and the dashboard often name one broker by different host names). Other
 * brokers are left alone. Returns the ids re-pointed, and a note when the single one was taken.
 * @example const { ids } = await repointBrokers(cms, 'http://127.0.0.1:1026', 'http://127.0.0.1:41234');
 */
export async function repointBrokers(
  cms: ScratchCms,
  from: string,
  to: string,
): Promise<{ ids: number[]; note?: string }> {
  const origin = originOf(from);
  return withBrokers(cms, async (rows, update) => {
    const matching = rows.filter((row) => originOf(row.url) === origin);
    const only = rows.length === 1 && matching.length === 0 ? rows[0] : undefined;
    const chosen = only ? [only] : matching;
    if (chosen.length > 0)
      await update(
        chosen.map((row) => row.id),
        to,
      );
    return {
      ids: chosen.map((row) => row.id),
      ...(only && {
        note: `the CMS's only broker (${originOf(only.url) ?? 'an invalid URL'}) is not at ${origin ?? from}, where the backup was taken: the drill takes it to be the same broker`,
      }),
    };
  });
}

/** Read the brokers of the scratch CMS and give a way to change their URL. */
async function withBrokers<T>(
  cms: ScratchCms,
  run: (rows: BrokerRow[], update: (ids: number[], url: string) => Promise<void>) => Promise<T>,
): Promise<T> {
  if (cms.driver === 'sqlite') {
    const client = createClient({ url: `file:${cms.file}` });
    try {
      const { rows } = await client.execute('select id, url from brokers');
      return await run(
        rows.map((row) => ({ id: Number(row.id), url: row.url as string })),
        async (ids, url) => {
          for (const id of ids)
            await client.execute({
              sql: 'update brokers set url = ? where id = ?',
              args: [url, id],
            });
        },
      );
    } finally {
      client.close();
    }
  }
  const client = new pg.Client({ connectionString: cms.url, application_name: 'legocity-cli' });
  await client.connect();
  try {
    const { rows } = await client.query<BrokerRow>('select id, url from public.brokers');
    return await run(
      rows.map((row) => ({ id: Number(row.id), url: row.url })),
      async (ids, url) => {
        await client.query('update public.brokers set url = $1 where id = any($2::int[])', [
          url,
          ids,
        ]);
      },
    );
  } finally {
    await client.end();
  }
}

/** `http://localhost:1026/x` → `http://127.0.0.1:1026`; undefined when it is not a URL. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.hostname === 'localhost' || parsed.hostname === '[::1]')
      parsed.hostname = '127.0.0.1';
    return parsed.origin;
  } catch {
    return undefined;
  }
}
