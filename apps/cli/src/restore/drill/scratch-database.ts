import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from '../../backup/pg-tools.js';

/** A database the drill created, and how to drop it. */
export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * Create an empty database `legocity_verify_<random>` on the server of `serverUrl` (its user
 * needs CREATEDB), for a restore drill of a PostgreSQL CMS.
 * @example const scratch = await createScratchDatabase(config.dashboardDatabaseUrl); … await scratch.drop();
 */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `legocity_verify_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, async (client) => {
    await client.query(`create database ${name}`).catch((error: Error) => {
      throw new Error(
        `cannot create the scratch database ${name} on the CMS's server: ${error.message}`,
      );
    });
  });
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () =>
      onServer(serverUrl, async (client) => {
        await client.query(`drop database if exists ${name} with (force)`);
      }),
  };
}

async function onServer(url: string, run: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'legocity-cli' });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
