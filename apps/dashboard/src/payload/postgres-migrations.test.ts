import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject, it } from 'vitest';
import { checkCommittedMigrations } from './migrations.test-support.js';

// Provided by test/global-setup.ts (outside this app's TypeScript project).
declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

// CI always provides PostgreSQL (test/global-setup.ts refuses to start without it when CI=true).
describe.runIf(inject('postgresUrl'))('the committed PostgreSQL migrations', () => {
  it('create a schema that serves every collection (no push)', async () => {
    const server = new URL(inject('postgresUrl'));
    const name = `legocity_dashboard_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const folder = await mkdtemp(join(tmpdir(), 'legocity-dashboard-pg-'));
    try {
      const url = new URL(server);
      url.pathname = `/${name}`;
      const payload = await checkCommittedMigrations(url.toString(), folder);
      // destroy() leaves the adapter's idle connections open: dropping the database (with force)
      // ends them, which their pool reports as an error unless someone listens.
      const pool = (payload.db as unknown as { pool?: { on(event: 'error', f: () => void): void } })
        .pool;
      pool?.on('error', () => undefined);
      await payload.destroy();
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
