import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { getPayload, type Payload, type PayloadRequest } from 'payload';
import { inject } from 'vitest';
import { createPayloadConfig } from '../payload/create-payload-config.js';
import { migrateCms } from '../server/migrate-cms.js';

// Provided by test/global-setup.ts (outside this app's TypeScript project).
declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export type CmsDialect = 'SQLite' | 'PostgreSQL';
export type Role = 'admin' | 'editor' | 'viewer';
export type User = NonNullable<PayloadRequest['user']>;

export const PASSWORD = 'correct horse battery staple';
const srcDir = fileURLToPath(new URL('..', import.meta.url));

/** The CMS on a database of its own, built by the committed migrations, with one user per role. */
export interface TestCms {
  payload: Payload;
  config: ReturnType<typeof createPayloadConfig>;
  /** getPayload's cache key of this instance (handleEndpoints' payloadInstanceCacheKey). */
  key: string;
  users: Record<Role, User>;
  close(): Promise<void>;
}

/**
 * The dialects to run on: SQLite always, PostgreSQL when the suite has one (CI always does).
 * @example describe.each(cmsDialects())('… on %s', (dialect) => …)
 */
export function cmsDialects(): CmsDialect[] {
  return inject('postgresUrl') ? ['SQLite', 'PostgreSQL'] : ['SQLite'];
}

export interface OpenTestCmsOptions {
  /** How many of the committed migrations to apply, oldest first (default: all). */
  migrations?: number;
}

/**
 * Open the CMS on a fresh database (an SQLite file, or a PostgreSQL database created for it) and
 * apply the committed migrations, as production does; `close()` destroys it all.
 * @example const cms = await openTestCms('PostgreSQL', 'data-models'); … await cms.close();
 */
export async function openTestCms(
  dialect: CmsDialect,
  name: string,
  options: OpenTestCmsOptions = {},
): Promise<TestCms> {
  const folder = await mkdtemp(join(tmpdir(), `legocity-${name}-`));
  const database = dialect === 'PostgreSQL' ? await createDatabase(name) : undefined;
  const key = `${name}-${dialect}`;
  const config = createPayloadConfig({
    databaseUrl: database?.url ?? `file:${join(folder, 'payload.db')}`,
    dataDir: folder,
    secret: `test-secret-${name}-0123456789abcdef`,
    srcDir,
    push: false,
  });
  const payload = await getPayload({ key, config });
  const users = {} as Record<Role, User>;
  if (options.migrations !== undefined) {
    const db = payload.db as unknown as Migrator;
    await db.migrate({ migrations: db.prodMigrations?.slice(0, options.migrations) });
  } else {
    await migrateCms(payload);
  }
  for (const role of ['admin', 'editor', 'viewer'] as const) {
    const doc = await payload.create({
      collection: 'users',
      data: { email: `${role}@${name}.test`, password: PASSWORD, roles: [role] },
    });
    users[role] = { ...doc, collection: 'users' };
  }
  const close = async () => {
    // Dropping the database (with force) ends the adapter's idle connections: listen, or the
    // pool reports it as an unhandled error.
    const pool = (payload.db as unknown as { pool?: { on(event: 'error', f: () => void): void } })
      .pool;
    pool?.on('error', () => undefined);
    await payload.destroy();
    await database?.drop();
    await rm(folder, { recursive: true, force: true });
  };
  return { payload, config, key, users, close };
}

interface Migrator {
  prodMigrations?: unknown[];
  migrate(args: { migrations?: unknown[] }): Promise<void>;
}

async function createDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const server = new URL(inject('postgresUrl'));
  const database = `legocity_${name.replace(/\W/g, '_')}_${process.pid}_${Date.now().toString(36)}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database "${database}"`);
  const url = new URL(server);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    drop: () => run(`drop database if exists "${database}" with (force)`),
  };
}
