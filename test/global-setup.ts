/**
 * Vitest global setup: prepares the storage backends the suite runs against.
 *
 * - Embedded (PGlite + PostGIS) always runs. Creating PostGIS in a fresh PGlite takes ~20 s, so a
 *   template data folder is built once and cached in the OS temp folder; each test file opens a
 *   copy of it (~3 s).
 * - PostgreSQL runs when LEGOCITY_TEST_DATABASE_URL is set (.ci/run sets it): a scratch database
 *   is created for this run and dropped afterwards. With CI=true and no URL the suite refuses to
 *   start, so the PostgreSQL tier can never be skipped silently in CI.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
  }
}

const TEMPLATE_VERSION = 'pglite-0.5.8-postgis-0.2.8-v1';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const baseUrl = process.env.LEGOCITY_TEST_DATABASE_URL ?? '';
  if (process.env.CI === 'true' && !baseUrl) {
    throw new Error(
      'CI=true but LEGOCITY_TEST_DATABASE_URL is not set: the PostgreSQL tier would be skipped.',
    );
  }
  project.provide('pgliteTemplate', await pgliteTemplate());
  const scratch = baseUrl ? await createScratchDatabase(baseUrl) : undefined;
  project.provide('postgresUrl', scratch?.url ?? '');
  return async () => {
    await scratch?.drop();
  };
}

async function pgliteTemplate(): Promise<string> {
  const dir = join(tmpdir(), 'legocity-test', TEMPLATE_VERSION);
  const ready = join(dir, '.ready');
  if (existsSync(ready)) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const db = await PGlite.create({ dataDir: dir, extensions: { postgis } });
  await db.exec('create extension if not exists postgis');
  await db.close();
  await writeFile(ready, new Date().toISOString());
  return dir;
}

async function createScratchDatabase(
  baseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `legocity_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const scratch = new pg.Client({ connectionString: url.toString() });
  await scratch.connect();
  await scratch.query('create extension if not exists postgis');
  await scratch.end();
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
