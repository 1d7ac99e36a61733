import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCliConfig, type CliConfig } from '../config.js';
import { openArchive } from '../restore/open-archive.js';
import { archiveName } from './archive-name.js';
import { brokerDump } from './broker-dump.test-support.js';
import { cmsDatabase } from './cms-database.test-support.js';
import { FAKE_ADMIN_KEY, fakeBroker, type FakeBroker } from './fake-broker.test-support.js';
import { silentProgress } from './progress.js';
import { folderStore } from './backup-store.js';
import { runBackup } from './run-backup.js';

const TABLES = [
  { name: 'api_key', rows: [['k1', 'admin']] },
  {
    schema: 'tenant_default',
    name: 'entity',
    rows: [
      ['urn:a', '{}'],
      ['urn:b', '{}'],
    ],
  },
];

describe('runBackup', () => {
  let root: string;
  let broker: FakeBroker;
  let config: CliConfig;
  const backups = () => join(root, 'backups');

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'legocity-backup-'));
    const dashboard = join(root, 'dashboard');
    await mkdir(dashboard);
    await cmsDatabase(join(dashboard, 'payload.db'), {
      users: 1,
      pages: 2,
      'map-views': 1,
      brokers: 1,
    });
    await writeFile(join(dashboard, 'payload-secret'), 'the-secret\n', { mode: 0o600 });
    await writeFile(join(dashboard, 'admin-password'), 'the-password\n', { mode: 0o600 });
    broker = await fakeBroker(brokerDump(TABLES).text);
    const read = readCliConfig({
      LEGOCITY_CLI_BROKER_URL: broker.url,
      LEGOCITY_CLI_ADMIN_KEY: FAKE_ADMIN_KEY,
      LEGOCITY_CLI_BACKUP_DIR: backups(),
      LEGOCITY_CLI_DASHBOARD_DATA_DIR: dashboard,
    });
    if (!read.ok) throw new Error('test configuration');
    config = read.value;
  });
  afterEach(async () => {
    await broker.close();
    await rm(root, { recursive: true, force: true });
  });

  const backup = (now = new Date('2026-12-07T10:15:00Z'), keepDaily = 7) =>
    runBackup({
      config,
      store: folderStore(backups()),
      keepDaily,
      keepWeekly: 4,
      progress: silentProgress,
      env: {},
      now: () => now,
    });

  it('writes one 0600 archive whose manifest describes the broker, the CMS and the secrets', async () => {
    const result = await backup();
    expect(result.archive).toBe('legocity-backup-20261207T101500Z.tar.gz');
    expect((await stat(result.path)).mode & 0o777).toBe(0o600);
    const out = await mkdtemp(join(root, 'out-'));
    const { manifest } = await openArchive(result.path, out);
    expect(manifest.files.map((f) => f.path)).toEqual([
      'broker/dump.ndjson',
      'cms/payload.db',
      'secrets/admin-password',
      'secrets/payload-secret',
    ]);
    expect(manifest.broker.summary).toEqual(brokerDump(TABLES).summary);
    expect(manifest.cms).toMatchObject({
      driver: 'sqlite',
      counts: { users: 1, pages: 2, 'map-views': 1, 'data-models': 0, brokers: 1 },
      migrations: ['20261123_163529_initial'],
    });
    expect(manifest.legocity.commit).toBe('abc1234');
    expect(await readFile(join(out, 'secrets/payload-secret'), 'utf8')).toBe('the-secret\n');
  });

  it('records the backup in last-backup.json and leaves no temporary file behind', async () => {
    await backup();
    const status = JSON.parse(
      await readFile(join(backups(), 'last-backup.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(status).toMatchObject({ archive: 'legocity-backup-20261207T101500Z.tar.gz', ok: true });
    expect(await readdir(backups())).toEqual([
      'last-backup.json',
      'legocity-backup-20261207T101500Z.tar.gz',
    ]);
  });

  it('deletes the archives retention does not keep, and nothing else', async () => {
    await mkdir(backups());
    const old = archiveName(new Date('2026-12-05T10:00:00Z'));
    const older = archiveName(new Date('2026-12-05T09:00:00Z'));
    for (const name of [old, older, 'notes.txt']) await writeFile(join(backups(), name), 'x');
    const result = await backup(new Date('2026-12-07T10:15:00Z'), 2);
    expect(result.removed).toEqual([older]);
    expect((await readdir(backups())).sort()).toEqual(
      [old, 'last-backup.json', result.archive, 'notes.txt'].sort(),
    );
  });

  it('fails without an archive when the broker dump is cut short', async () => {
    await broker.close();
    const text = brokerDump(TABLES).text;
    broker = await fakeBroker(text.slice(0, text.indexOf('{"end"')));
    config = { ...config, brokerUrl: broker.url };
    await expect(backup()).rejects.toThrow(/ends without its end line/);
    expect(await readdir(backups())).toEqual([]);
  });

  it('says which key is missing or refused', async () => {
    config = { ...config, adminKey: 'lgc_wrong' };
    await expect(backup()).rejects.toThrow(
      'the broker refused its dump (GET /admin/backup): HTTP 401: Unauthorized — no key',
    );
  });
});
