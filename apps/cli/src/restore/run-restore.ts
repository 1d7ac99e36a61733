import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cmsLocation } from '../backup/cms-location.js';
import { removeFolder } from '../backup/remove-folder.js';
import type { Manifest } from '../backup/manifest.js';
import type { Progress } from '../backup/progress.js';
import { adminKeyOf, type CliConfig } from '../config.js';
import { probe } from '../platform/probe.js';
import { openArchive } from './open-archive.js';
import { restoreBroker, type BrokerRestoreResult } from './restore-broker.js';
import { checkPostgresTarget, restorePostgres } from './restore-postgres.js';
import { planSecrets, restoreSecrets } from './restore-secrets.js';
import { checkSqliteTarget, restoreSqlite } from './restore-sqlite.js';

export interface RestoreOptions {
  config: CliConfig;
  archive: string;
  force: boolean;
  progress: Progress;
  /** The caller's environment: PATH for pg_restore. */
  env: NodeJS.ProcessEnv;
  now?: () => Date;
}

export interface RestoreReport {
  manifest: Manifest;
  broker: BrokerRestoreResult;
  /** Where the replaced SQLite file was kept, if one was replaced. */
  keptCms?: string | undefined;
  secrets: string[];
  notes: string[];
}

/** Refusals found before anything was changed; the message lists them all. */
export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

/**
 * Restore an archive into the configured environment: check the archive and every target first
 * (refusing, before any change, a damaged archive, a running dashboard, a non-empty CMS or a
 * different payload-secret unless `force`), then the broker (all or nothing; refused when not
 * empty unless `force`), the CMS database and the dashboard's secret files.
 * @example const report = await runRestore({ config, archive, force: false, progress, env });
 */
export async function runRestore(options: RestoreOptions): Promise<RestoreReport> {
  const { config, progress, force } = options;
  const folder = await mkdtemp(join(tmpdir(), 'legocity-restore-'));
  try {
    progress.stage(
      `checking ${options.archive} (gzip, tar, manifest, every file's size and SHA-256)…`,
    );
    const { manifest } = await openArchive(options.archive, folder);
    const adminKey = adminKeyOf(config);
    const cms = cmsLocation(config);
    const refusals: string[] = [];
    if (!adminKey)
      refusals.push(
        'no broker admin key: set LEGOCITY_CLI_ADMIN_KEY_FILE (or run where `<dataDir>/broker/admin.key` exists)',
      );
    if (manifest.cms.driver !== cms.driver)
      refusals.push(
        `the archive holds a ${manifest.cms.driver} CMS but the configuration names a ${cms.driver} one: set LEGOCITY_CLI_DASHBOARD_DATABASE_URL as the dashboard's LEGOCITY_DASHBOARD_DATABASE_URL`,
      );
    const dashboard = await probe(`${config.dashboardUrl.replace(/\/+$/, '')}/health/live`, {
      timeoutMs: config.timeout,
    });
    if (dashboard.ok)
      refusals.push(
        `the dashboard answers on ${config.dashboardUrl}: stop it first (it holds the CMS database open), restore, then start it again`,
      );
    let clean = false;
    if (manifest.cms.driver === cms.driver && cms.driver === 'sqlite') {
      const refusal = await checkSqliteTarget(cms.file, force);
      if (refusal) refusals.push(refusal);
    } else if (manifest.cms.driver === cms.driver && cms.driver === 'postgres') {
      const target = await checkPostgresTarget(cms.url, force);
      if (target.refusal) refusals.push(target.refusal);
      clean = target.tables > 0;
    }
    const secrets = await planSecrets(folder, manifest.secrets, config, force);
    if (secrets.refusal) refusals.push(secrets.refusal);
    if (refusals.length > 0 || !adminKey)
      throw new RestoreRefused(`nothing was changed:\n  - ${refusals.join('\n  - ')}`);

    progress.stage(
      `restoring the broker at ${config.brokerUrl}${force ? ' (replacing what it holds)' : ''}…`,
    );
    const broker = await restoreBroker({
      brokerUrl: config.brokerUrl,
      adminKey,
      file: join(folder, manifest.broker.dump),
      replace: force,
    });
    progress.stage(
      `broker restored in ${(broker.durationMs / 1000).toFixed(1)} s; restoring the CMS (${cms.driver})…`,
    );
    let keptCms: string | undefined;
    try {
      if (cms.driver === 'sqlite')
        keptCms = await restoreSqlite(
          join(folder, manifest.cms.snapshot),
          cms.file,
          (options.now ?? (() => new Date()))(),
        );
      else
        await restorePostgres(join(folder, manifest.cms.snapshot), cms.url, {
          clean,
          env: options.env,
        });
      await restoreSecrets(folder, secrets, config);
    } catch (error) {
      throw new Error(
        `the broker was restored but the CMS was not: ${(error as Error).message}. Fix that, then run the restore again with --force`,
      );
    }
    return { manifest, broker, keptCms, secrets: secrets.write, notes: secrets.notes };
  } finally {
    await removeFolder(folder, progress);
  }
}
