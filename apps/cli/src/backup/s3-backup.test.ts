import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCliConfig, type CliConfig } from '../config.js';
import { localArchive } from '../restore/local-archive.js';
import { openArchive } from '../restore/open-archive.js';
import { archiveName } from './archive-name.js';
import { s3Store } from './backup-store.js';
import { brokerDump } from './broker-dump.test-support.js';
import { cmsDatabase } from './cms-database.test-support.js';
import { FAKE_ADMIN_KEY, fakeBroker, type FakeBroker } from './fake-broker.test-support.js';
import { silentProgress } from './progress.js';
import { runBackup } from './run-backup.js';
import { FAKE_S3_CREDENTIALS, fakeS3, type FakeS3 } from './s3/fake-s3.test-support.js';
import { s3FromConfig } from './s3/s3-from-config.js';

describe('backup to S3-compatible storage', () => {
  let root: string;
  let broker: FakeBroker;
  let s3: FakeS3;
  let config: CliConfig;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'legocity-s3-backup-'));
    await mkdir(join(root, 'dashboard'));
    await cmsDatabase(join(root, 'dashboard', 'payload.db'), { users: 1 });
    await writeFile(join(root, 'dashboard', 'payload-secret'), 'the-secret\n');
    broker = await fakeBroker(brokerDump([{ name: 'api_key', rows: [['k1']] }]).text);
    s3 = await fakeS3();
    const read = readCliConfig({
      LEGOCITY_CLI_BROKER_URL: broker.url,
      LEGOCITY_CLI_ADMIN_KEY: FAKE_ADMIN_KEY,
      LEGOCITY_CLI_BACKUP_DIR: join(root, 'backups'),
      LEGOCITY_CLI_DASHBOARD_DATA_DIR: join(root, 'dashboard'),
      LEGOCITY_CLI_S3_ENDPOINT: s3.endpoint,
      LEGOCITY_CLI_S3_ACCESS_KEY_ID: FAKE_S3_CREDENTIALS.accessKeyId,
      LEGOCITY_CLI_S3_SECRET_ACCESS_KEY: FAKE_S3_CREDENTIALS.secretAccessKey,
    });
    if (!read.ok) throw new Error('test configuration');
    config = read.value;
  });
  afterEach(async () => {
    await Promise.all([broker.close(), s3.close()]);
    await rm(root, { recursive: true, force: true });
  });

  it('uploads the archive under the prefix, applies retention there and keeps nothing locally', async () => {
    const location = { bucket: 'city-backups', prefix: 'legocity/' };
    const old = archiveName(new Date('2026-11-01T10:00:00Z'));
    s3.objects.set(`city-backups/legocity/${old}`, Buffer.from('old'));
    s3.objects.set('city-backups/legocity/notes.txt', Buffer.from('keep me'));
    const result = await runBackup({
      config,
      store: s3Store(s3FromConfig(config, location), location, config.backupDir),
      keepDaily: 1,
      keepWeekly: 0,
      progress: silentProgress,
      env: {},
      now: () => new Date('2026-12-07T10:15:00Z'),
    });
    expect(result.path).toBe('s3://city-backups/legocity/legocity-backup-20261207T101500Z.tar.gz');
    expect(result.removed).toEqual([old]);
    expect([...s3.objects.keys()].sort()).toEqual([
      'city-backups/legocity/legocity-backup-20261207T101500Z.tar.gz',
      'city-backups/legocity/notes.txt',
    ]);
    expect(await readdir(config.backupDir)).toEqual(['last-backup.json']);
    const status = JSON.parse(
      await readFile(join(config.backupDir, 'last-backup.json'), 'utf8'),
    ) as { location: string };
    expect(status.location).toBe('s3://city-backups/legocity/');

    const local = await localArchive(result.path, config, silentProgress);
    const out = await mkdtemp(join(root, 'out-'));
    expect((await openArchive(local.path, out)).manifest.cms.counts.users).toBe(1);
    await local.done();
  });
});
