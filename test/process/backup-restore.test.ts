/**
 * Backup → wipe → restore → verify of the demo city (issue 6), on the embedded defaults (PGlite,
 * SQLite CMS) and on PostgreSQL: `legocity up` runs the city, `legocity backup` makes an archive
 * while it runs, everything is stopped and wiped, a fresh broker takes `legocity restore`, the
 * dashboard comes back with the same admin, pages, map and entities; `legocity restore --verify`
 * passes; a corrupted archive is refused with a clear message before anything is touched.
 * Runs the builds (the dashboard's production build must exist, as CI makes it).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../apps/cli/src/backup/manifest.js';
import { openArchive } from '../../apps/cli/src/restore/open-archive.js';
import {
  BROKER,
  CLI,
  DASHBOARD_BUILD,
  answers,
  legocity,
  start,
  startDashboard,
  until,
  type Running,
} from './city-processes.js';
import { freePort } from './run-broker.js';

/** Where the city keeps its data, and how to wipe it. */
interface Store {
  /** Variables for `legocity up`, the lone broker and dashboard, and the CLI. */
  env: Record<string, string>;
  wipe(): Promise<void>;
  cleanup(): Promise<void>;
}

const embedded = (): Promise<Store> =>
  Promise.resolve({
    env: {
      DATABASE_URL: '',
      LEGOCITY_DASHBOARD_DATABASE_URL: '',
      LEGOCITY_CLI_DASHBOARD_DATABASE_URL: '',
    },
    wipe: () => Promise.resolve(),
    cleanup: () => Promise.resolve(),
  });

const TEST_DATABASE_URL = process.env.LEGOCITY_TEST_DATABASE_URL ?? '';
if (process.env.CI === 'true' && !TEST_DATABASE_URL)
  throw new Error(
    'CI=true but LEGOCITY_TEST_DATABASE_URL is not set: the PostgreSQL backup test would be skipped',
  );

/** Two fresh databases on the test server (broker, CMS), recreated empty by wipe(), dropped at the end. */
async function postgres(): Promise<Store> {
  const stamp = `${process.pid}_${Date.now().toString(36)}`;
  const names = { broker: `legocity_bk_${stamp}_broker`, cms: `legocity_bk_${stamp}_cms` };
  const urlOf = (name: string) =>
    Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/${name}` }).toString();
  const onServer = async (sql: string[]) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      for (const statement of sql) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const drop = Object.values(names).map((name) => `drop database if exists ${name} with (force)`);
  const create = Object.values(names).map((name) => `create database ${name}`);
  await onServer(create);
  return {
    env: {
      DATABASE_URL: urlOf(names.broker),
      LEGOCITY_DASHBOARD_DATABASE_URL: urlOf(names.cms),
      LEGOCITY_CLI_DASHBOARD_DATABASE_URL: urlOf(names.cms),
    },
    wipe: () => onServer([...drop, ...create]),
    cleanup: () => onServer(drop),
  };
}

describe.each([
  ['embedded defaults (PGlite, SQLite)', embedded, false],
  ['PostgreSQL', postgres, !TEST_DATABASE_URL],
] as const)(
  'backup → wipe → restore → verify of the demo city on %s',
  (_name, makeStore, isSkipped) => {
    let folder: string;
    let store: Store;
    let city: Running | undefined;
    let broker: Running | undefined;
    let dashboard: Running | undefined;
    let archive: string;
    let manifest: Manifest;
    const secrets: string[] = [];
    const outputs: string[] = [];
    const port = {
      broker: freePort(),
      updaters: freePort(),
      dashboard: freePort(),
      alerts: freePort(),
      mqtt: freePort(),
    };
    const brokerUrl = `http://127.0.0.1:${port.broker}`;
    const dashboardUrl = `http://127.0.0.1:${port.dashboard}`;
    const env = () => ({
      ...store.env,
      LEGOCITY_BROKER_PORT: port.broker,
      LEGOCITY_UPDATERS_PORT: port.updaters,
      LEGOCITY_DASHBOARD_PORT: port.dashboard,
      LEGOCITY_ALERTS_PORT: port.alerts,
      LEGOCITY_DASHBOARD_BUILD: 'skip',
      LEGOCITY_UPDATERS_EMBEDDED_MQTT_PORT: port.mqtt,
      LEGOCITY_UPDATERS_SIMULATOR_EVERY: '2s',
      LEGOCITY_UPDATERS_SIMULATOR_PUBLISH_EVERY: '2s',
      LEGOCITY_CLI_BROKER_URL: brokerUrl,
      LEGOCITY_CLI_DASHBOARD_URL: dashboardUrl,
      LEGOCITY_CLI_ALERTS_URL: `http://127.0.0.1:${port.alerts}`,
      LEGOCITY_CLI_BACKUP_DIR: join(folder, 'backups'),
    });
    const cli = async (args: string[]) => {
      const run = await legocity(args, env(), folder);
      outputs.push(run.stdout, run.stderr);
      return run;
    };
    const adminKey = async () =>
      (await readFile(join(folder, '.legocity/broker/admin.key'), 'utf8')).trim();
    const summary = async () => {
      const response = await fetch(`${brokerUrl}/admin/backup/summary`, {
        headers: { authorization: `Bearer ${await adminKey()}` },
      });
      return (await response.json()) as Manifest['broker']['summary'];
    };

    beforeAll(async () => {
      if (isSkipped) return;
      if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
      if (!existsSync(DASHBOARD_BUILD))
        throw new Error('the dashboard is not built: run npm run build -w apps/dashboard first');
      folder = await mkdtemp(join(tmpdir(), 'legocity-backup-restore-'));
      store = await makeStore();
      city = start(CLI, ['up'], env(), folder);
      await until(
        () => city!.output().includes('LegoCity is up'),
        180_000,
        () => city!.output(),
      );
      await until(
        async () => Object.keys((await summary()).entities._default ?? {}).length >= 8,
        90_000,
        () => city!.output(),
      );
      for (const file of ['dashboard/admin-password', 'dashboard/payload-secret'])
        secrets.push((await readFile(join(folder, '.legocity', file), 'utf8')).trim());
      secrets.push(await adminKey());
    }, 300_000);

    afterAll(async () => {
      if (isSkipped) return;
      // SIGINT: `legocity up` stops its components before it exits (SIGKILL would orphan them).
      for (const running of [dashboard, broker, city]) await running?.stop('SIGINT');
      await store?.cleanup();
      if (folder) await rm(folder, { recursive: true, force: true });
    });

    it.skipIf(isSkipped)(
      'backs up the running city into one archive, with progress on stderr',
      async () => {
        const run = await cli(['backup']);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toContain('legocity backup: dumping the broker');
        const names = (await readdir(join(folder, 'backups'))).filter((name) =>
          name.endsWith('.tar.gz'),
        );
        expect(names).toHaveLength(1);
        archive = join(folder, 'backups', names[0]!);
        await mkdir(join(folder, 'opened'));
        manifest = (await openArchive(archive, join(folder, 'opened'))).manifest;
        expect(manifest.cms.counts).toMatchObject({ users: 1, 'map-views': 1, brokers: 1 });
        expect(manifest.cms.counts.pages).toBeGreaterThanOrEqual(2);
        expect(
          Object.keys(manifest.broker.summary.entities._default ?? {}).length,
        ).toBeGreaterThanOrEqual(8);
        expect(existsSync(join(folder, 'backups/last-backup.json'))).toBe(true);
      },
      120_000,
    );

    it.skipIf(isSkipped)(
      'restores it after a wipe: entities, admin, pages and map are back',
      async () => {
        expect(await city!.stop('SIGINT')).toBe(0);
        await rm(join(folder, '.legocity'), { recursive: true, force: true });
        await store.wipe();
        broker = start(BROKER, [], {
          ...env(),
          LEGOCITY_BROKER_DATA_DIR: join(folder, '.legocity/broker'),
        });
        await until(
          () => answers(`${brokerUrl}/health/ready`),
          120_000,
          () => broker!.output(),
        );
        const run = await cli(['restore', archive]);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toContain('it runs its CMS migrations at start');
        expect((await summary()).entities).toEqual(manifest.broker.summary.entities);
        dashboard = startDashboard(port.dashboard, {
          ...store.env,
          LEGOCITY_DASHBOARD_DATA_DIR: join(folder, '.legocity/dashboard'),
          LEGOCITY_DASHBOARD_BROKER_URL: brokerUrl,
        });
        await until(
          () => answers(`${dashboardUrl}/health/ready`),
          120_000,
          () => dashboard!.output(),
        );
        const password = (
          await readFile(join(folder, '.legocity/dashboard/admin-password'), 'utf8')
        ).trim();
        const login = await fetch(`${dashboardUrl}/api/users/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@legocity.local', password }),
        });
        expect(login.status).toBe(200);
        const home = await fetch(`${dashboardUrl}/`);
        expect(await home.text()).toContain('Da Nang');
        expect((await fetch(`${dashboardUrl}/maps/da-nang`)).status).toBe(200);
        const views = await fetch(
          `${dashboardUrl}/api/map-views?where[slug][equals]=da-nang&depth=0`,
        );
        const { docs } = (await views.json()) as {
          docs: { layers: { id: string; entityType: string }[] }[];
        };
        const layer = docs[0]!.layers.find((l) => l.entityType === 'AirQualityObserved')!;
        const data = await fetch(`${dashboardUrl}/api/data/layers/${layer.id}`);
        expect(data.status).toBe(200);
        expect(((await data.json()) as { total: number }).total).toBeGreaterThan(0);
        await dashboard.stop();
      },
      300_000,
    );

    it.skipIf(isSkipped)(
      'passes the restore drill (restore --verify) and records it',
      async () => {
        const run = await cli(['restore', archive, '--verify']);
        expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
        expect(run.stdout).toContain('PASSED');
        expect(run.stdout).not.toContain('FAIL');
        expect(run.stdout).toMatch(/ok {2}\s*map view da-nang/);
        expect(existsSync(join(folder, 'backups/last-verify.json'))).toBe(true);
        expect(
          (await readdir(tmpdir())).filter((name) => name.startsWith('legocity-verify-')),
        ).toEqual([]);
      },
      400_000,
    );

    it.skipIf(isSkipped)(
      'refuses a corrupted archive with a clear message before touching anything',
      async () => {
        const before = await summary();
        const bytes = await readFile(archive);
        bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
        const corrupted = join(folder, 'legocity-backup-corrupted.tar.gz');
        await writeFile(corrupted, bytes);
        const run = await cli(['restore', corrupted, '--force']);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(
          /archive legocity-backup-corrupted\.tar\.gz is damaged: .*; nothing was restored/,
        );
        expect((await summary()).entities).toEqual(before.entities);
        await writeFile(corrupted, (await readFile(archive)).subarray(0, 5000));
        expect((await cli(['restore', corrupted])).stderr).toContain('is damaged: it is truncated');
      },
      120_000,
    );

    it.skipIf(isSkipped)('never prints a secret', () => {
      for (const secret of secrets) for (const text of outputs) expect(text).not.toContain(secret);
    });
  },
);
