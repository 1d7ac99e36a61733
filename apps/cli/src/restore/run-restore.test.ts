import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { brokerDump } from '../backup/broker-dump.test-support.js';
import { cmsDatabase } from '../backup/cms-database.test-support.js';
import { FAKE_ADMIN_KEY, fakeBroker, type FakeBroker } from '../backup/fake-broker.test-support.js';
import { silentProgress } from '../backup/progress.js';
import { folderStore } from '../backup/backup-store.js';
import { runBackup } from '../backup/run-backup.js';
import { readSqliteFacts } from '../backup/sqlite-snapshot.js';
import { readCliConfig, type CliConfig } from '../config.js';
import { runRestore } from './run-restore.js';

const DUMP = brokerDump([{ name: 'api_key', rows: [['k1']] }]).text;

describe('runRestore', () => {
  let root: string;
  let broker: FakeBroker;
  let archive: string;
  let target: CliConfig;
  const targetDir = () => join(root, 'target');

  /** A configuration reading this broker and this dashboard folder (and no dashboard running). */
  function configFor(dashboardDir: string, dashboardUrl = 'http://127.0.0.1:9'): CliConfig {
    const updatersDir = join(dashboardDir, '..', `${dashboardDir.split('/').pop()}-updaters`);
    const read = readCliConfig({
      LEGOCITY_CLI_BROKER_URL: broker.url,
      LEGOCITY_CLI_ADMIN_KEY: FAKE_ADMIN_KEY,
      LEGOCITY_CLI_BACKUP_DIR: join(root, 'backups'),
      LEGOCITY_CLI_DASHBOARD_DATA_DIR: dashboardDir,
      LEGOCITY_CLI_UPDATERS_DATA_DIR: updatersDir,
      LEGOCITY_CLI_DASHBOARD_URL: dashboardUrl,
      LEGOCITY_CLI_TIMEOUT: '1s',
    });
    if (!read.ok) throw new Error('test configuration');
    return read.value;
  }

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'legocity-restore-'));
    broker = await fakeBroker(DUMP);
    const source = join(root, 'source');
    await mkdir(source);
    await cmsDatabase(join(source, 'payload.db'), { users: 1, pages: 2 });
    await writeFile(join(source, 'payload-secret'), 'the-secret\n');
    await writeFile(join(source, 'admin-password'), 'the-password\n');
    await mkdir(join(root, 'source-updaters', 'keys'), { recursive: true });
    await writeFile(join(root, 'source-updaters', 'keys', 'simulator.key'), 'lgc_sim\n');
    const config = configFor(source);
    archive = (
      await runBackup({
        config,
        store: folderStore(config.backupDir),
        keepDaily: 7,
        keepWeekly: 4,
        progress: silentProgress,
        env: {},
      })
    ).path;
    target = configFor(targetDir());
  });
  afterEach(async () => {
    await broker.close();
    await rm(root, { recursive: true, force: true });
  });

  const restore = (config = target, force = false) =>
    runRestore({ config, archive, force, progress: silentProgress, env: {} });

  it('restores the broker, the CMS file, the secrets and the update servers’ keys into an empty environment', async () => {
    const report = await restore();
    expect(broker.restores).toEqual([{ query: '', body: DUMP }]);
    expect((await readSqliteFacts(join(targetDir(), 'payload.db'))).counts).toMatchObject({
      users: 1,
      pages: 2,
    });
    expect(await readFile(join(targetDir(), 'payload-secret'), 'utf8')).toBe('the-secret\n');
    expect((await stat(join(targetDir(), 'payload-secret'))).mode & 0o777).toBe(0o600);
    expect(report.secrets).toEqual([
      'secrets/admin-password',
      'secrets/payload-secret',
      'secrets/updaters/simulator.key',
    ]);
    expect(await readFile(join(root, 'target-updaters', 'keys', 'simulator.key'), 'utf8')).toBe(
      'lgc_sim\n',
    );
  });

  it('refuses, listing every reason and changing nothing, a non-empty CMS, another payload-secret and a running dashboard', async () => {
    await mkdir(targetDir());
    await cmsDatabase(join(targetDir(), 'payload.db'), { users: 3 });
    await writeFile(join(targetDir(), 'payload-secret'), 'another-secret\n');
    const dashboard: Server = createServer((_request, response) => response.end('{}'));
    await new Promise<void>((resolve) => dashboard.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(dashboard.address() as AddressInfo).port}`;
    try {
      const error = await restore(configFor(targetDir(), url)).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain('nothing was changed');
      expect(message).toContain(`the dashboard answers on ${url}: stop it first`);
      expect(message).toContain(
        'is not empty (3 users): restore will not overwrite it; add --force',
      );
      expect(message).toContain("payload-secret differs from the archive's payload-secret");
      expect(broker.restores).toEqual([]);
    } finally {
      await new Promise((resolve) => dashboard.close(resolve));
    }
  });

  it('with --force replaces them, keeping the old CMS file beside the new one', async () => {
    await mkdir(targetDir());
    await cmsDatabase(join(targetDir(), 'payload.db'), { users: 3 });
    await writeFile(join(targetDir(), 'payload-secret'), 'another-secret\n');
    const report = await restore(target, true);
    expect(broker.restores[0]?.query).toBe('?replace=true');
    expect(report.keptCms).toMatch(/payload\.db\.before-restore-\d{8}T\d{6}Z$/);
    expect((await readSqliteFacts(join(targetDir(), 'payload.db'))).counts.users).toBe(1);
    expect((await readSqliteFacts(report.keptCms!)).counts.users).toBe(3);
    expect(await readFile(join(targetDir(), 'payload-secret'), 'utf8')).toBe('the-secret\n');
    expect((await readdir(targetDir())).filter((name) => name.endsWith('-wal'))).toEqual([
      expect.stringContaining('before-restore'),
    ]);
  });

  it('refuses a damaged archive before touching anything, and leaves no temporary folder', async () => {
    const scratch = async () =>
      (await readdir(tmpdir())).filter((name) => name.startsWith('legocity-restore-')).sort();
    const before = await scratch();
    const bytes = await readFile(archive);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    await writeFile(archive, bytes);
    await expect(restore(target, true)).rejects.toThrow(/is damaged: .*; nothing was restored/);
    expect(broker.restores).toEqual([]);
    expect(await scratch()).toEqual(before);
  });

  it("passes on the broker's refusal of a non-empty broker, with what to do", async () => {
    broker.restoreAnswer = {
      status: 409,
      body: {
        title: 'Already exists',
        detail: 'The broker is not empty (entities: 4): restore refuses to overwrite it',
      },
    };
    await expect(restore()).rejects.toThrow(
      'the broker refused the restore: HTTP 409: Already exists — The broker is not empty (entities: 4): restore refuses to overwrite it. Restore into an empty broker, or add --force',
    );
  });
});
