import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../storage/database.js';
import { loadMigrations, migrateGlobal } from '../storage/migrate.js';
import { connectPostgres } from '../storage/pg-database.js';
import { openEmbedded } from '../storage/pglite-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
  }
}

export type DriverName = Database['driver'];

/**
 * The storage drivers this run tests: the embedded one always, PostgreSQL when the run was given
 * a database (see test/global-setup.ts). Use with `describe.each(testDrivers())`.
 */
export function testDrivers(): DriverName[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Open a migrated database for one test file. PGlite: a private copy of the cached template;
 * PostgreSQL: the run's scratch database (isolate tests by tenant). Close it in afterAll.
 * @example const db = await openTestDatabase('pglite');
 */
export async function openTestDatabase(driver: DriverName): Promise<Database> {
  let db: Database;
  if (driver === 'postgres') {
    db = await connectPostgres({ connectionString: inject('postgresUrl'), maxConnections: 8 });
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'legocity-pglite-'));
    await cp(inject('pgliteTemplate'), dir, { recursive: true });
    const embedded = await openEmbedded({ dataDir: dir });
    db = {
      ...embedded,
      async close() {
        await embedded.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  await migrateGlobal(db, await loadMigrations('global'));
  return db;
}

/**
 * Open a migrated database that no other test file shares, for tests that read or replace the
 * whole broker state (backup and restore). PGlite: as openTestDatabase (always private);
 * PostgreSQL: a database of its own on the run's server, dropped by close().
 * @example const db = await openPrivateTestDatabase('postgres');
 */
export async function openPrivateTestDatabase(driver: DriverName): Promise<Database> {
  if (driver === 'pglite') return openTestDatabase(driver);
  const scratch = new URL(inject('postgresUrl'));
  counter += 1;
  const name = `${scratch.pathname.slice(1)}_p${process.pid}_${counter}`;
  const admin = new pg.Client({ connectionString: scratch.toString() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(scratch);
  url.pathname = `/${name}`;
  const db = await connectPostgres({ connectionString: url.toString(), maxConnections: 8 });
  await migrateGlobal(db, await loadMigrations('global'));
  return {
    ...db,
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: scratch.toString() });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

let counter = 0;
/** A tenant name no other test uses (tests share the PostgreSQL scratch database). */
export function uniqueTenant(prefix = 't'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
