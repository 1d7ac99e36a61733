import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { adminKeyOf, type CliConfig } from '../config.js';
import { probe } from '../platform/probe.js';
import { applyRetention } from './apply-retention.js';
import type { BackupStore } from './backup-store.js';
import { archiveName } from './archive-name.js';
import { buildManifest, totalEntities } from './build-manifest.js';
import { checksumFile } from './checksum.js';
import { CLI_VERSION } from './cli-version.js';
import { cmsLocation } from './cms-location.js';
import { copySecrets } from './copy-secrets.js';
import { dumpBroker } from './dump-broker.js';
import { MANIFEST_FILE, type Manifest } from './manifest.js';
import { snapshotPostgres } from './postgres-snapshot.js';
import { formatBytes, type Progress } from './progress.js';
import { snapshotSqlite } from './sqlite-snapshot.js';
import { writeStatusFile } from './status-file.js';
import { removeFolder } from './remove-folder.js';
import { removeStalePartials, writeArchive } from './write-archive.js';

export interface BackupOptions {
  config: CliConfig;
  /** Where the archive goes: a folder, or an S3 prefix. */
  store: BackupStore;
  keepDaily: number;
  keepWeekly: number;
  progress: Progress;
  /** The caller's environment: PATH for pg_dump. */
  env: NodeJS.ProcessEnv;
  now?: () => Date;
}

export interface BackupResult {
  archive: string;
  path: string;
  bytes: number;
  durationMs: number;
  manifest: Manifest;
  removed: string[];
  warnings: string[];
}

const DUMP = 'broker/dump.ndjson';

/**
 * One backup: the broker's dump, a consistent CMS snapshot and the dashboard's secret files,
 * with a manifest of versions, counts and checksums, packed into one archive (written under a
 * temporary name, then renamed; mode 0600); then `last-backup.json` and retention.
 * @example const result = await runBackup({ config, store: folderStore(config.backupDir), keepDaily: 7, keepWeekly: 4, progress, env });
 */
export async function runBackup(options: BackupOptions): Promise<BackupResult> {
  const { config, progress } = options;
  const now = options.now ?? (() => new Date());
  const started = now();
  const adminKey = adminKeyOf(config);
  if (!adminKey)
    throw new Error(
      'no broker admin key: set LEGOCITY_CLI_ADMIN_KEY_FILE (or run where `<dataDir>/broker/admin.key` exists)',
    );
  const { store } = options;
  const folder = await store.workFolder();
  const stage = await mkdtemp(join(folder, '.legocity-backup-staging-'));
  try {
    await mkdir(join(stage, 'broker'));
    await mkdir(join(stage, 'cms'));
    progress.stage(`dumping the broker (${config.brokerUrl})…`);
    const dump = await dumpBroker({
      brokerUrl: config.brokerUrl,
      adminKey,
      file: join(stage, DUMP),
      timeoutMs: config.timeout,
      progress,
    });
    progress.stage(
      `broker dump: ${dump.summary.tables.length} tables, ${totalEntities(dump.summary)} entities, ${formatBytes(dump.checksum.bytes)}`,
    );
    const cms = cmsLocation(config);
    const snapshot = cms.driver === 'sqlite' ? 'cms/payload.db' : 'cms/payload.pgdump';
    progress.stage(
      cms.driver === 'sqlite'
        ? `copying the CMS database ${cms.file} (VACUUM INTO)…`
        : 'dumping the CMS database (pg_dump)…',
    );
    const facts =
      cms.driver === 'sqlite'
        ? await snapshotSqlite(cms.file, join(stage, snapshot))
        : await snapshotPostgres(cms.url, join(stage, snapshot), options.env);
    const secrets = await copySecrets(config, stage);
    for (const warning of secrets.warnings) progress.stage(`warning: ${warning}`);
    const files = [{ path: DUMP, ...dump.checksum }];
    for (const path of [snapshot, ...secrets.paths])
      files.push({ path, ...(await checksumFile(join(stage, path))) });
    const version = await probe<{ commit?: string }>(
      `${config.brokerUrl.replace(/\/+$/, '')}/version`,
      {
        timeoutMs: config.timeout,
      },
    );
    const manifest = buildManifest({
      createdAt: started,
      legocity: { version: CLI_VERSION, commit: version.ok ? version.body?.commit : undefined },
      files,
      broker: { dump: DUMP, url: config.brokerUrl, header: dump.header, summary: dump.summary },
      cms: { driver: cms.driver, snapshot, facts },
      secrets: secrets.paths,
    });
    await writeFile(join(stage, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    });
    const name = archiveName(started);
    progress.stage(`writing ${store.pathOf(name)}…`);
    const archive = await writeArchive({
      stage,
      files: [MANIFEST_FILE, ...files.map((file) => file.path)],
      folder,
      name,
    });
    if (store.location !== folder) progress.stage(`uploading to ${store.pathOf(name)}…`);
    await store.keep(name);
    const durationMs = now().getTime() - started.getTime();
    await writeStatusFile(config.backupDir, 'last-backup.json', {
      finishedAt: now().toISOString(),
      archive: name,
      ok: true,
      location: store.location,
      bytes: archive.bytes,
      durationMs,
    });
    const removed = await applyRetention(store, {
      keepDaily: options.keepDaily,
      keepWeekly: options.keepWeekly,
    });
    await removeStalePartials(folder, await readdir(folder), now());
    return {
      archive: name,
      path: store.pathOf(name),
      bytes: archive.bytes,
      durationMs,
      manifest,
      removed,
      warnings: secrets.warnings,
    };
  } finally {
    await removeFolder(stage, progress);
    await store.close();
  }
}
